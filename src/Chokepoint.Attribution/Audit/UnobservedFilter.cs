using Chokepoint.Model;
using Chokepoint.Observations;

namespace Chokepoint.Attribution.Audit;

/// <summary>Selects the unobserved items that belong to a layer by the prefix of their key.</summary>
public static class UnobservedFilter
{
    public static List<UnobservedItem> For(SiteObservations observations, params string[] prefixes) =>
        observations.Unobserved
            .Where(item => prefixes.Any(prefix =>
                item.What.Equals(prefix, StringComparison.OrdinalIgnoreCase)
                || item.What.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase)))
            .Select(item => new UnobservedItem(item.What, item.Reason))
            .ToList();
}
