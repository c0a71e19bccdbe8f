using Chokepoint.Observations;

namespace Chokepoint.Collection;

/// <summary>What one collector saw (possibly nothing) and what it could not see, with reasons.</summary>
/// <typeparam name="T">The observation type.</typeparam>
public sealed record Collected<T>
    where T : class
{
    /// <summary>The observation; null when nothing could be observed.</summary>
    public T? Value { get; init; }

    /// <summary>What could not be observed, and why.</summary>
    public IReadOnlyList<Unobserved> Unobserved { get; init; } = [];
}
