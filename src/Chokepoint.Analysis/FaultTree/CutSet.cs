namespace Chokepoint.Analysis.FaultTree;

/// <summary>
/// A minimal cut set: companies that, all ending service together, make a function fail, while no smaller
/// subset does. Order 1 is a single point of failure; order 2 a pair.
/// </summary>
public sealed record CutSet
{
    /// <summary>Creates a cut set; ids are stored sorted and distinct.</summary>
    public CutSet(IReadOnlyList<string> companyIds)
    {
        CompanyIds = companyIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The companies, sorted by id.</summary>
    public IReadOnlyList<string> CompanyIds { get; }

    /// <summary>Number of companies.</summary>
    public int Order => CompanyIds.Count;

    /// <summary>True when the set contains the company.</summary>
    public bool Contains(string companyId) => CompanyIds.Contains(companyId, StringComparer.Ordinal);

    /// <inheritdoc/>
    public bool Equals(CutSet? other) => other is not null && CompanyIds.SequenceEqual(other.CompanyIds, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var id in CompanyIds)
        {
            hash.Add(id, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The ids joined with " + ", e.g. "amazon + cloudflare".</summary>
    public override string ToString() => string.Join(" + ", CompanyIds);
}
