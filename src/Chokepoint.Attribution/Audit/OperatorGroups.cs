using Chokepoint.Naming;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Groups unknown operators that share an operator: two nameserver domains under different TLDs with one brand
/// label (<c>brand.net</c>, <c>brand.co.uk</c>), zones whose SOA names the same primary and mailbox or one another,
/// servers on the same address or in the same announced network. Redundancy is then claimed only between groups,
/// operators shown to be distinct, never between two names of one company.
/// </summary>
/// <remarks>
/// A brand label shared by unrelated companies exists on the internet at large, but among the operators one site
/// chose for one service it is a strong signal; merging errs towards "one company can break this", the safe side
/// for a tool that looks for single points of failure. Grouping is transitive (union-find).
/// </remarks>
public static class OperatorGroups
{
    /// <summary>Same label left of the public suffix: <c>brand</c> in <c>ns1.brand.net</c> and <c>ns2.brand.co.uk</c>.</summary>
    public const string BrandLabel = "brand-label";

    /// <summary>The zones of both operator domains have an SOA with the same MNAME and RNAME.</summary>
    public const string SameSoa = "same-soa";

    /// <summary>The SOA of one operator domain's zone names another operator domain (as MNAME or RNAME).</summary>
    public const string SoaNames = "soa-names";

    /// <summary>Servers of both operators answer on one address.</summary>
    public const string SameAddress = "same-address";

    /// <summary>Servers of both operators are in one announced network (origin AS).</summary>
    public const string SameNetwork = "same-network";

    /// <summary>The evidence signal that records a grouping.</summary>
    public const string EvidenceSignal = "same-operator";

    /// <summary>
    /// Groups candidates by every trait they share. Each candidate is an operator domain with its traits; a domain
    /// given twice has the union of its traits. Returns each domain's group.
    /// </summary>
    public static IReadOnlyDictionary<string, OperatorGroup> Group(IEnumerable<(string Domain, IEnumerable<OperatorTrait> Traits)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var order = new List<string>();
        var traits = new Dictionary<string, HashSet<OperatorTrait>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (domain, seen) in candidates)
        {
            if (!traits.TryGetValue(domain, out var set))
            {
                set = [];
                traits[domain] = set;
                order.Add(domain);
            }

            set.UnionWith(seen);
        }

        var parent = order.ToDictionary(domain => domain, domain => domain, StringComparer.OrdinalIgnoreCase);
        string Find(string domain)
        {
            while (!string.Equals(parent[domain], domain, StringComparison.OrdinalIgnoreCase))
            {
                domain = parent[domain] = parent[parent[domain]];
            }

            return domain;
        }

        // Each trait held by two or more domains joins them; the earliest-seen domain is the root.
        var holders = new Dictionary<OperatorTrait, List<string>>();
        foreach (var domain in order)
        {
            foreach (var trait in traits[domain])
            {
                if (!holders.TryGetValue(trait, out var list))
                {
                    list = [];
                    holders[trait] = list;
                }

                list.Add(domain);
            }
        }

        var shared = holders.Where(pair => pair.Value.Count > 1).ToList();
        foreach (var (_, domains) in shared)
        {
            foreach (var domain in domains.Skip(1))
            {
                var (a, b) = (Find(domains[0]), Find(domain));
                if (!string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
                {
                    var (root, child) = order.IndexOf(a) <= order.IndexOf(b) ? (a, b) : (b, a);
                    parent[child] = root;
                }
            }
        }

        var groups = new Dictionary<string, OperatorGroup>(StringComparer.OrdinalIgnoreCase);
        foreach (var members in order.GroupBy(Find, StringComparer.OrdinalIgnoreCase))
        {
            var list = members.ToList();
            var reasons = shared
                .Where(pair => list.Contains(pair.Value[0], StringComparer.OrdinalIgnoreCase))
                .OrderBy(pair => pair.Key.Rule, StringComparer.Ordinal).ThenBy(pair => pair.Key.Value, StringComparer.Ordinal)
                .Select(pair => (pair.Key, (IReadOnlyList<string>)[.. pair.Value]))
                .ToList();
            var group = new OperatorGroup(list, reasons);
            foreach (var member in list)
            {
                groups[member] = group;
            }
        }

        return groups;
    }

    /// <summary>The brand label of an operator domain: its first label (<c>brand</c> for <c>brand.co.uk</c>).</summary>
    public static OperatorTrait? BrandOf(string operatorDomain)
    {
        var normalized = HostName.Normalize(operatorDomain);
        var dot = normalized.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 ? null : new OperatorTrait(BrandLabel, normalized[..dot]);
    }
}
