namespace Chokepoint.Analysis.Model;

/// <summary>AND gate: the function needs every child. An empty list needs nothing.</summary>
/// <param name="Children">The needs.</param>
public sealed record AllRequirement(IReadOnlyList<Requirement> Children) : Requirement;
