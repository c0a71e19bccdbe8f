namespace Chokepoint.Simulation.Generation;

/// <summary>A generated world and, per site, what the generator chose for it.</summary>
/// <param name="World">The world.</param>
/// <param name="Sites">The choices of each site, in the world's site order.</param>
/// <param name="Shares">The share set it was allocated by (by quota), or null when it was drawn by dice.</param>
public sealed record GeneratedWorld(World.World World, IReadOnlyList<GeneratedSite> Sites, ProviderShareSet? Shares);
