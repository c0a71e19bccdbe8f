using Chokepoint.Observations;

namespace Chokepoint.Collection;

/// <summary>A thread-safe list of <see cref="Unobserved"/> entries, for collectors that probe concurrently.</summary>
internal sealed class GapList
{
    private readonly List<Unobserved> gaps = [];
    private readonly Lock gate = new();

    public void Add(Unobserved gap)
    {
        lock (gate)
        {
            gaps.Add(gap);
        }
    }

    public void AddRange(IEnumerable<Unobserved> more)
    {
        lock (gate)
        {
            gaps.AddRange(more);
        }
    }

    public List<Unobserved> ToList()
    {
        lock (gate)
        {
            return [.. gaps];
        }
    }
}
