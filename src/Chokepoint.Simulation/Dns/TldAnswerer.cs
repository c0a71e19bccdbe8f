using Chokepoint.Simulation.Dns.Wire;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// What a TLD registry's nameservers say: the TLD apex (SOA, NS), NXDOMAIN for names not registered or
/// on hold, the DS of a signed delegation, and referrals with glue.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-4.2.1">RFC 1034 §4.2.1 (delegation, glue)</seealso>
internal static class TldAnswerer
{
    private const uint TldNsTtl = 172800;

    /// <summary>The registry TLD that <paramref name="key"/> lies in, if any (longest match).</summary>
    public static string? FindTld(DnsWorldIndex index, string key)
    {
        for (var name = key; name.Length > 0; name = DnsName.Parent(name))
        {
            if (index.Registries.ContainsKey(name))
            {
                return name;
            }
        }

        return null;
    }

    public static ZoneResult Apex(DnsWorldIndex index, string tld, DnsRecordType type)
    {
        var soa = index.TldSoa[tld];
        var registry = index.Registries[tld];
        return type switch
        {
            DnsRecordType.SOA => new ZoneResult(DnsResponseCode.NoError, [soa], []),
            DnsRecordType.NS when registry.NameServers.Count > 0 => new ZoneResult(DnsResponseCode.NoError, NsRecords(soa.Name, TldNsTtl, registry.NameServers.Select(n => n.Host)), []),
            _ => ZoneResult.Negative(DnsResponseCode.NoError, NegativeSoa(soa)),
        };
    }

    /// <summary>NXDOMAIN from the TLD zone (the SOA is omitted when the name is in no registry's TLD).</summary>
    public static ZoneResult NameError(DnsWorldIndex index, string? tld) =>
        ZoneResult.Negative(DnsResponseCode.NameError, tld is not null && index.TldSoa.TryGetValue(tld, out var soa) ? NegativeSoa(soa) : null);

    /// <summary>The parent-side answer to a DS query for a registered domain (RFC 4035 §3.1.4.1).</summary>
    public static ZoneResult Ds(DnsWorldIndex index, Domain domain, string? tld)
    {
        if (!domain.Ds)
        {
            return ZoneResult.Negative(DnsResponseCode.NoError, tld is not null && index.TldSoa.TryGetValue(tld, out var soa) ? NegativeSoa(soa) : null);
        }

        return new ZoneResult(DnsResponseCode.NoError, [DsRecord(domain)], []);
    }

    /// <summary>A referral: NS in authority (plus DS when published) and glue for in-bailiwick hosts.</summary>
    public static DnsAnswer Referral(DnsWorldIndex index, Domain domain)
    {
        var owner = DnsName.TrimDot(domain.Name);
        var ownerKey = DnsName.Key(owner);
        var ttl = (uint)Math.Max(0, domain.DelegationTtl);
        var hosts = index.DelegationHosts(domain);
        List<DnsResourceRecord> authorities = [.. NsRecords(owner, ttl, hosts)];
        if (domain.Ds)
        {
            authorities.Add(DsRecord(domain));
        }

        var glue = hosts
            .Where(h => DnsName.IsAtOrBelow(DnsName.Key(h), ownerKey))
            .SelectMany(h => index.HostAddresses.GetValueOrDefault(DnsName.Key(h), []).Select(a => DnsResourceRecord.Create(h, ttl, new AddressRecordData(a))))
            .ToList();
        return new DnsAnswer(DnsResponseCode.NoError, false, [], authorities, glue);
    }

    private static DnsResourceRecord DsRecord(Domain domain) =>
        DnsResourceRecord.Create(DnsName.TrimDot(domain.Name), 86400, DnssecDummyKey.DsFor(domain.Name));

    private static List<DnsResourceRecord> NsRecords(string owner, uint ttl, IEnumerable<string> hosts) =>
        [.. hosts.Select(h => DnsResourceRecord.Create(owner, ttl, new NameRecordData(DnsRecordType.NS, DnsName.TrimDot(h))))];

    private static DnsResourceRecord NegativeSoa(DnsResourceRecord soa) =>
        soa with { Ttl = Math.Min(soa.Ttl, ((SoaRecordData)soa.Data).Minimum) };
}
