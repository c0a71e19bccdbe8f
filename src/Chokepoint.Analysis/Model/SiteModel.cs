namespace Chokepoint.Analysis.Model;

/// <summary>The dependency model of one site: its functions and what each needs.</summary>
/// <param name="Domain">The registered domain, e.g. "example.org".</param>
/// <param name="Functions">The site's functions.</param>
public sealed record SiteModel(string Domain, IReadOnlyList<SiteFunction> Functions)
{
    /// <summary>Every distinct company in the model with its display name, ordered by id.</summary>
    public IReadOnlyDictionary<string, string> Companies()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var supplier in Functions.SelectMany(f => f.Requirement.Suppliers()))
        {
            result.TryAdd(supplier.CompanyId, supplier.CompanyName);
        }

        return result;
    }
}
