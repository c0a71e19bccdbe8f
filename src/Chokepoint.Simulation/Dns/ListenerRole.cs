namespace Chokepoint.Simulation.Dns;

/// <summary>What answers at one nameserver address: the hosts it carries, their DNS services and TLD registries.</summary>
internal sealed class ListenerRole
{
    public HashSet<string> Hosts { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ServiceIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Tlds { get; } = new(StringComparer.Ordinal);

    public void Add(string host, string? serviceId, string? tld)
    {
        Hosts.Add(host);
        if (serviceId is not null)
        {
            ServiceIds.Add(serviceId);
        }

        if (tld is not null)
        {
            Tlds.Add(tld);
        }
    }
}
