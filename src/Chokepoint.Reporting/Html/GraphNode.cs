namespace Chokepoint.Reporting.Html;

/// <summary>One box of the dependency picture, placed by <see cref="DependencyGraph.Build"/>.</summary>
/// <param name="Id">Unique within the graph: "function:web-served", "service:dns|amazon|Amazon Route 53", "company:amazon".</param>
/// <param name="Column">Which column it sits in.</param>
/// <param name="Title">First line of the box.</param>
/// <param name="Subtitle">Second line of the box (importance, service kind and layer, or "single point of failure").</param>
/// <param name="SinglePointOfFailure">True for a company that alone can break a function (one of the report's chokepoints).</param>
/// <param name="X">Left edge, in SVG user units.</param>
/// <param name="Y">Top edge, in SVG user units.</param>
public sealed record GraphNode(string Id, GraphColumn Column, string Title, string Subtitle, bool SinglePointOfFailure, int X, int Y);
