namespace Chokepoint.Reporting.Html;

/// <summary>A line of the dependency picture: a function needs a service, or a service is run by a company.</summary>
/// <param name="From">Id of the left node.</param>
/// <param name="To">Id of the right node.</param>
/// <param name="Critical">True when the line leads to a single point of failure of that function (drawn red).</param>
public sealed record GraphEdge(string From, string To, bool Critical);
