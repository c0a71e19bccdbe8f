using Chokepoint.Simulation.Dns.Wire;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Dns;

/// <summary>The DNS faults of a world, indexed by target; see <see cref="DnsFaultKind"/> for their meaning.</summary>
internal sealed class DnsFaultPlan
{
    private readonly List<Fault> _everywhere = [];
    private readonly Dictionary<string, List<Fault>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Fault>> _byHost = new(StringComparer.Ordinal);

    public static DnsFaultPlan Build(IEnumerable<Fault> faults)
    {
        var plan = new DnsFaultPlan();
        foreach (var fault in faults)
        {
            if (ParseKind(fault.Kind) == DnsFaultKind.None)
            {
                continue;
            }

            if (fault.Target == "*")
            {
                plan._everywhere.Add(fault);
            }
            else if (fault.Target.StartsWith("dns:", StringComparison.OrdinalIgnoreCase))
            {
                Add(plan._byName, DnsName.Key(fault.Target[4..]), fault);
            }
            else if (fault.Target.StartsWith("ns:", StringComparison.OrdinalIgnoreCase))
            {
                Add(plan._byHost, DnsName.Key(fault.Target[3..]), fault);
            }
        }

        return plan;
    }

    public static DnsFaultKind ParseKind(string kind) => kind.ToLowerInvariant() switch
    {
        "delay" => DnsFaultKind.Delay,
        "no-answer" => DnsFaultKind.NoAnswer,
        "servfail" => DnsFaultKind.ServerFailure,
        "refused" => DnsFaultKind.Refused,
        "truncated" => DnsFaultKind.Truncated,
        "malformed" => DnsFaultKind.Malformed,
        _ => DnsFaultKind.None,
    };

    /// <summary>
    /// The faults for a query: the summed delay, and the first non-delay fault in world order
    /// (name faults first, then nameserver faults, then "*").
    /// </summary>
    public (TimeSpan Delay, DnsFaultKind Kind) Decide(string nameKey, IReadOnlySet<string>? hosts)
    {
        var delayMs = 0L;
        var kind = DnsFaultKind.None;
        void Apply(IEnumerable<Fault> faults)
        {
            foreach (var fault in faults)
            {
                var parsed = ParseKind(fault.Kind);
                if (parsed == DnsFaultKind.Delay)
                {
                    delayMs += Math.Max(0, fault.DelayMs);
                }
                else if (kind == DnsFaultKind.None)
                {
                    kind = parsed;
                }
            }
        }

        if (_byName.TryGetValue(nameKey, out var named))
        {
            Apply(named);
        }

        if (hosts is not null && _byHost.Count > 0)
        {
            foreach (var host in hosts)
            {
                if (_byHost.TryGetValue(host, out var hosted))
                {
                    Apply(hosted);
                }
            }
        }

        Apply(_everywhere);
        return (TimeSpan.FromMilliseconds(delayMs), kind);
    }

    private static void Add(Dictionary<string, List<Fault>> map, string key, Fault fault)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(fault);
    }
}
