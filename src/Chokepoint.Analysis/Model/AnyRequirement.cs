namespace Chokepoint.Analysis.Model;

/// <summary>OR gate: one child is enough. An empty list needs nothing (no alternative was recorded).</summary>
/// <param name="Children">The alternatives.</param>
public sealed record AnyRequirement(IReadOnlyList<Requirement> Children) : Requirement;
