using System.Net;
using Chokepoint.Simulation.Dns.Wire;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// Dictionaries over a <see cref="World"/> snapshot so that each query costs a few lookups per label of the
/// name, whatever the number of zones: zones and domains by lower-case name, nameserver hosts to services and
/// addresses, listener addresses to the roles they play.
/// </summary>
internal sealed class DnsWorldIndex
{
    private const uint SynthesisedSerial = 2024010101;

    private DnsWorldIndex()
    {
    }

    public Dictionary<string, SimulatedZone> Zones { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Domain> Domains { get; } = new(StringComparer.Ordinal);

    /// <summary>Registries by lower-case TLD.</summary>
    public Dictionary<string, Registry> Registries { get; } = new(StringComparer.Ordinal);

    /// <summary>Synthesised SOA of each TLD by lower-case TLD.</summary>
    public Dictionary<string, DnsResourceRecord> TldSoa { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DnsService> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>Nameserver host (lower case) to the ids of the services it belongs to.</summary>
    public Dictionary<string, HashSet<string>> HostServices { get; } = new(StringComparer.Ordinal);

    /// <summary>Nameserver host (lower case) to its addresses.</summary>
    public Dictionary<string, List<IPAddress>> HostAddresses { get; } = new(StringComparer.Ordinal);

    /// <summary>Loopback address to what listens there.</summary>
    public Dictionary<IPAddress, ListenerRole> Listeners { get; } = [];

    public AddressPrefixTable Prefixes { get; } = new();

    /// <summary>World entries that could not be used (bad record data, out-of-zone names).</summary>
    public List<string> Problems { get; } = [];

    public static DnsWorldIndex Build(World.World world)
    {
        var index = new DnsWorldIndex();
        foreach (var service in world.DnsServices)
        {
            index.Services.TryAdd(service.Id, service);
            foreach (var ns in service.NameServers)
            {
                index.AddHost(ns, out var host);
                index.HostServices.TryAdd(host, new HashSet<string>(StringComparer.Ordinal));
                index.HostServices[host].Add(service.Id);
                foreach (var address in ParseAddresses(ns))
                {
                    index.Role(address).Add(host, serviceId: service.Id, tld: null);
                }
            }
        }

        foreach (var registry in world.Registries)
        {
            var tld = DnsName.Key(registry.Tld);
            index.Registries.TryAdd(tld, registry);
            foreach (var ns in registry.NameServers)
            {
                index.AddHost(ns, out var host);
                foreach (var address in ParseAddresses(ns))
                {
                    index.Role(address).Add(host, serviceId: null, tld: tld);
                }
            }

            var primary = registry.NameServers.FirstOrDefault()?.Host is { Length: > 0 } first ? DnsName.TrimDot(first) : $"a.nic.{tld}";
            index.TldSoa[tld] = DnsResourceRecord.Create(
                tld, 900, new SoaRecordData(primary, $"hostmaster.nic.{tld}", SynthesisedSerial, 1800, 900, 604800, 86400));
        }

        foreach (var domain in world.Domains)
        {
            index.Domains.TryAdd(DnsName.Key(domain.Name), domain);
        }

        foreach (var zone in world.Zones)
        {
            index.AddZone(zone);
        }

        foreach (var prefix in world.AddressSpace)
        {
            if (!index.Prefixes.TryAdd(prefix))
            {
                index.Problems.Add($"address prefix '{prefix.Prefix}' is not a valid CIDR prefix");
            }
        }

        return index;
    }

    /// <summary>The longest registered domain at or above <paramref name="key"/>.</summary>
    public Domain? FindDomain(string key)
    {
        for (var name = key; name.Length > 0; name = DnsName.Parent(name))
        {
            if (Domains.TryGetValue(name, out var domain))
            {
                return domain;
            }
        }

        return null;
    }

    /// <summary>The longest zone at or above <paramref name="key"/> that satisfies <paramref name="accept"/>.</summary>
    public SimulatedZone? FindZone(string key, Func<SimulatedZone, bool>? accept = null)
    {
        for (var name = key; ; name = DnsName.Parent(name))
        {
            if (Zones.TryGetValue(name, out var zone) && (accept is null || accept(zone)))
            {
                return zone;
            }

            if (name.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The nameserver hosts a domain is delegated to: <see cref="Domain.NameServers"/>, or when the world
    /// leaves them empty, the nameservers of the services that serve the domain's zone.
    /// </summary>
    public IReadOnlyList<string> DelegationHosts(Domain domain)
    {
        if (domain.NameServers.Count > 0)
        {
            return [.. domain.NameServers.Select(DnsName.TrimDot)];
        }

        return Zones.TryGetValue(DnsName.Key(domain.Name), out var zone) ? ServingHosts(zone) : [];
    }

    /// <summary>The nameserver hosts of the services serving <paramref name="zone"/>, in world order.</summary>
    public IReadOnlyList<string> ServingHosts(SimulatedZone zone) =>
    [
        .. zone.ServedByInOrder
            .Select(id => Services.GetValueOrDefault(id))
            .OfType<DnsService>()
            .SelectMany(s => s.NameServers)
            .Select(ns => DnsName.TrimDot(ns.Host))
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ];

    /// <summary>Whether a delegation to <paramref name="domain"/>'s nameservers reaches a server of <paramref name="zone"/>.</summary>
    public bool DelegationReaches(Domain domain, SimulatedZone zone)
    {
        if (!zone.ServedBy.Any(Services.ContainsKey))
        {
            return false;
        }

        return domain.NameServers.Count == 0
            || domain.NameServers.Any(h => HostServices.TryGetValue(DnsName.Key(h), out var ids) && ids.Overlaps(zone.ServedBy));
    }

    /// <summary>Whether the registration status takes the domain out of the TLD zone (RFC 5731 §2.3).</summary>
    public static bool IsOnHold(Domain domain) =>
        domain.Status.Any(s => s.Equals("clientHold", StringComparison.OrdinalIgnoreCase) || s.Equals("serverHold", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<IPAddress> ParseAddresses(NameServer ns) =>
        ns.Addresses
            .Select(a => IPAddress.TryParse(a, out var address) ? address : null)
            .OfType<IPAddress>()
            .Where(IPAddress.IsLoopback);

    private void AddHost(NameServer ns, out string host)
    {
        host = DnsName.Key(ns.Host);
        if (!HostAddresses.TryGetValue(host, out var addresses))
        {
            addresses = [];
            HostAddresses[host] = addresses;
        }

        foreach (var address in ns.Addresses)
        {
            if (IPAddress.TryParse(address, out var parsed) && !addresses.Contains(parsed))
            {
                addresses.Add(parsed);
            }
        }
    }

    private ListenerRole Role(IPAddress address)
    {
        if (!Listeners.TryGetValue(address, out var role))
        {
            role = new ListenerRole();
            Listeners[address] = role;
        }

        return role;
    }

    private void AddZone(Zone zone)
    {
        var apex = DnsName.TrimDot(zone.Name);
        var simulated = new SimulatedZone(apex, [.. zone.ServedBy], zone.Signed);
        if (!Zones.TryAdd(simulated.Key, simulated))
        {
            Problems.Add($"zone '{apex}' is defined twice; the first definition is served");
            return;
        }

        foreach (var unknown in zone.ServedBy.Where(id => !Services.ContainsKey(id)))
        {
            Problems.Add($"zone '{apex}' is served by unknown DNS service '{unknown}'");
        }

        foreach (var record in zone.Records)
        {
            var owner = DnsPresentationParser.ResolveName(record.Name, apex);
            if (!DnsName.IsAtOrBelow(DnsName.Key(owner), simulated.Key) || !DnsName.TryGetLabels(owner, out _))
            {
                Problems.Add($"record '{record.Name}' {record.Type} is not a valid name inside zone '{apex}'");
                continue;
            }

            if (!DnsPresentationParser.TryParse(record.Type, record.Data, apex, out var data, out var error))
            {
                Problems.Add($"record '{owner}' {record.Type} \"{record.Data}\": {error}");
                continue;
            }

            simulated.Add(DnsResourceRecord.Create(owner, (uint)Math.Max(0, record.Ttl), data!));
        }

        var apexRecords = simulated.Get(simulated.Key);
        var hosts = ServingHosts(simulated);
        if (apexRecords.FirstOrDefault(r => r.Type == DnsRecordType.SOA) is { } soa)
        {
            simulated.Soa = soa;
        }
        else
        {
            var primary = hosts.Count > 0 ? hosts[0] : $"ns.{apex}";
            simulated.Soa = DnsResourceRecord.Create(
                apex, 3600, new SoaRecordData(primary, $"hostmaster.{apex}", SynthesisedSerial, 7200, 3600, 1209600, 300));
            simulated.Add(simulated.Soa);
        }

        if (!apexRecords.Any(r => r.Type == DnsRecordType.NS))
        {
            foreach (var host in hosts)
            {
                simulated.Add(DnsResourceRecord.Create(apex, 86400, new NameRecordData(DnsRecordType.NS, host)));
            }
        }
    }
}
