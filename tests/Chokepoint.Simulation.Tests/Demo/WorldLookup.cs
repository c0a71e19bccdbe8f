using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.Demo;

/// <summary>Name lookups over a world's zones, the way a resolver would see them (most specific zone wins).</summary>
internal sealed class WorldLookup
{
    private readonly Dictionary<string, Zone> _zones;
    private readonly World.World _world;

    public WorldLookup(World.World world)
    {
        _world = world;
        _zones = world.Zones.ToDictionary(z => Key(z.Name), StringComparer.Ordinal);
    }

    public static string Key(string name) => name.TrimEnd('.').ToLowerInvariant();

    public Zone? ZoneOf(string name)
    {
        var key = Key(name);
        while (true)
        {
            if (_zones.TryGetValue(key, out var zone))
            {
                return zone;
            }

            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return null;
            }

            key = key[(dot + 1)..];
        }
    }

    /// <summary>Records of <paramref name="type"/> owned by <paramref name="name"/> (absolute).</summary>
    public IReadOnlyList<ResourceRecord> Records(string name, string type)
    {
        var zone = ZoneOf(name);
        if (zone is null)
        {
            return [];
        }

        var apex = Key(zone.Name);
        var key = Key(name);
        return [.. zone.Records.Where(r => Owner(r.Name, apex) == key && r.Type.Equals(type, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>IPv4 addresses of <paramref name="name"/>, following CNAMEs; empty when it does not resolve.</summary>
    public IReadOnlyList<string> Addresses(string name)
    {
        for (var i = 0; i < 10; i++)
        {
            var a = Records(name, "A");
            if (a.Count > 0)
            {
                return [.. a.Select(r => r.Data)];
            }

            var cname = Records(name, "CNAME");
            if (cname.Count == 0)
            {
                return [];
            }

            name = Absolute(cname[0].Data, Key(ZoneOf(name)!.Name));
        }

        return [];
    }

    /// <summary>The CNAME chain starting at <paramref name="name"/> (targets only).</summary>
    public IReadOnlyList<string> CnameChain(string name)
    {
        var chain = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var cname = Records(name, "CNAME");
            if (cname.Count == 0)
            {
                break;
            }

            name = Absolute(cname[0].Data, Key(ZoneOf(name)!.Name));
            chain.Add(name);
        }

        return chain;
    }

    public AddressPrefix? PrefixOf(string address)
    {
        var ip = System.Net.IPAddress.Parse(address);
        return _world.AddressSpace.FirstOrDefault(p => System.Net.IPNetwork.Parse(p.Prefix).Contains(ip));
    }

    public DnsService ServiceOfHost(string host) =>
        _world.DnsServices.Single(s => s.NameServers.Any(n => Key(n.Host) == Key(host)));

    public static string Absolute(string name, string apex) =>
        name is "@" ? apex : name.EndsWith('.') ? Key(name) : Key($"{name}.{apex}");

    private static string Owner(string name, string apex) => Absolute(name, apex);
}
