using System.Net;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Web;

/// <summary>
/// Resolves host names to addresses the way the simulated DNS answers them: the name's A/AAAA records in the most
/// specific zone of the world that holds it, following CNAME chains across zones.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2">RFC 1034 section 3.6.2: aliases</seealso>
public sealed class WebHostAddresses
{
    private const int MaxChain = 16;
    private readonly Dictionary<string, (string Zone, List<ResourceRecord> Records)> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes the records of every zone of <paramref name="world"/>.</summary>
    public WebHostAddresses(World.World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var zone in world.Zones)
        {
            var apex = zone.Name.TrimEnd('.');
            foreach (var record in zone.Records)
            {
                var name = AbsoluteName(record.Name, apex);
                if (_byName.TryGetValue(name, out var existing))
                {
                    if (existing.Zone.Length > apex.Length)
                    {
                        continue;
                    }

                    if (string.Equals(existing.Zone, apex, StringComparison.OrdinalIgnoreCase))
                    {
                        existing.Records.Add(record);
                        continue;
                    }
                }

                _byName[name] = (apex, [record]);
            }
        }
    }

    /// <summary>The addresses <paramref name="hostName"/> resolves to; empty when it does not resolve.</summary>
    public IReadOnlyList<IPAddress> Resolve(string hostName)
    {
        var name = hostName.TrimEnd('.');
        for (var step = 0; step < MaxChain; step++)
        {
            if (!_byName.TryGetValue(name, out var entry))
            {
                return [];
            }

            var addresses = new List<IPAddress>();
            foreach (var record in entry.Records)
            {
                if ((record.Type.Equals("A", StringComparison.OrdinalIgnoreCase) || record.Type.Equals("AAAA", StringComparison.OrdinalIgnoreCase))
                    && IPAddress.TryParse(record.Data.Trim(), out var address))
                {
                    addresses.Add(address);
                }
            }

            if (addresses.Count > 0)
            {
                return addresses;
            }

            var alias = entry.Records.FirstOrDefault(r => r.Type.Equals("CNAME", StringComparison.OrdinalIgnoreCase));
            if (alias is null)
            {
                return [];
            }

            name = AbsoluteName(alias.Data.Trim(), entry.Zone);
        }

        return [];
    }

    /// <summary>Every distinct address that the web hosts of <paramref name="world"/> resolve to.</summary>
    public static IReadOnlyList<IPAddress> ForWebHosts(World.World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var resolver = new WebHostAddresses(world);
        return [.. world.WebHosts.SelectMany(h => resolver.Resolve(h.Host)).Distinct()];
    }

    private static string AbsoluteName(string name, string apex) =>
        name == "@" ? apex
        : name.EndsWith('.') ? name.TrimEnd('.')
        : apex.Length == 0 ? name
        : name + "." + apex;
}
