using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Merges the facts of signals that attribute to one dependency: lists are joined (each item once), a single
/// fact seen again is replaced by the later observation, nameserver lists of one delegation or zone are joined.
/// </summary>
internal static class DependencyFactsMerge
{
    public static DependencyFacts? Merge(DependencyFacts? current, DependencyFacts? added)
    {
        if (current is null || added is null)
        {
            return added ?? current;
        }

        return new DependencyFacts
        {
            Registrar = added.Registrar ?? current.Registrar,
            Delegation = Merge(current.Delegation, added.Delegation),
            Upstream = Merge(current.Upstream, added.Upstream),
            Certificates = Join(current.Certificates, added.Certificates),
            Caa = added.Caa ?? current.Caa,
            Hosts = Join(current.Hosts, added.Hosts),
            PageUses = Join(current.PageUses, added.PageUses),
            Links = Join(current.Links, added.Links),
            Exchangers = Join(current.Exchangers, added.Exchangers),
            Sellers = Join(current.Sellers, added.Sellers),
            ExposedOrigins = Join(current.ExposedOrigins, added.ExposedOrigins),
        };
    }

    private static DelegationFacts? Merge(DelegationFacts? current, DelegationFacts? added) =>
        current is null || added is null
            ? added ?? current
            : new DelegationFacts
            {
                ParentNsTtl = added.ParentNsTtl ?? current.ParentNsTtl,
                NameServers = Join(current.NameServers, added.NameServers)!,
            };

    private static UpstreamFacts? Merge(UpstreamFacts? current, UpstreamFacts? added) =>
        current is null || added is null
            ? added ?? current
            : added with
            {
                For = Join(current.For, added.For)!,
                Names = Join(current.Names, added.Names)!,
                ZoneNsTtl = added.ZoneNsTtl ?? current.ZoneNsTtl,
                NameServers = Join(current.NameServers, added.NameServers)!,
            };

    private static IReadOnlyList<T>? Join<T>(IReadOnlyList<T>? current, IReadOnlyList<T>? added) =>
        current is null || added is null ? added ?? current : [.. current.Union(added)];
}
