namespace Chokepoint.Simulation.Generation;

/// <summary>How many sites of a layer use a company, and how many depend on it with no alternative.</summary>
/// <param name="Uses">Sites using the company at the layer.</param>
/// <param name="Critical">Sites using it with no redundant alternative.</param>
public sealed record ExpectedCompany(int Uses, int Critical);
