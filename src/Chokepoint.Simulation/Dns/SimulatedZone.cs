using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// A zone prepared for answering: records parsed and grouped by lower-case owner name, every existing name
/// (including empty non-terminals) indexed, and SOA/NS synthesised when the world gives none.
/// </summary>
internal sealed class SimulatedZone
{
    public SimulatedZone(string apex, IReadOnlyList<string> servedBy, bool signed)
    {
        Apex = apex;
        Key = DnsName.Key(apex);
        ServedByInOrder = servedBy;
        ServedBy = servedBy.ToHashSet(StringComparer.Ordinal);
        Signed = signed;
    }

    /// <summary>The apex as the world spells it, without trailing dot.</summary>
    public string Apex { get; }

    /// <summary>The lower-case apex.</summary>
    public string Key { get; }

    /// <summary>Ids of the DNS services that serve the zone.</summary>
    public IReadOnlySet<string> ServedBy { get; }

    /// <summary>The same ids in world order: the first service names the synthesised SOA's primary server.</summary>
    public IReadOnlyList<string> ServedByInOrder { get; }

    /// <summary>Whether a DNSKEY is published at the apex.</summary>
    public bool Signed { get; }

    /// <summary>Records by lower-case owner name.</summary>
    public Dictionary<string, List<DnsResourceRecord>> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Every name that exists in the zone, including empty non-terminals.</summary>
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>The apex SOA (from the world or synthesised).</summary>
    public DnsResourceRecord Soa { get; set; } = null!;

    public void Add(DnsResourceRecord record)
    {
        var key = DnsName.Key(record.Name);
        if (!Records.TryGetValue(key, out var list))
        {
            list = [];
            Records[key] = list;
        }

        list.Add(record);
        // Adding stops at the first name already present: its ancestors were added with it.
        var name = key;
        while (DnsName.IsAtOrBelow(name, Key) && Names.Add(name) && name != Key)
        {
            name = DnsName.Parent(name);
        }

        Names.Add(Key);
    }

    public IReadOnlyList<DnsResourceRecord> Get(string key) =>
        Records.TryGetValue(key, out var list) ? list : [];

    /// <summary>The SOA for a negative answer: its TTL is the lesser of the SOA TTL and minimum (RFC 2308 §3).</summary>
    public DnsResourceRecord NegativeSoa() =>
        Soa with { Ttl = Math.Min(Soa.Ttl, ((SoaRecordData)Soa.Data).Minimum) };
}
