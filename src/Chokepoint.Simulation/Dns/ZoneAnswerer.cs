using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// Answers a question from one zone as its authoritative server would: the RRset, a CNAME to chase,
/// NODATA or NXDOMAIN with the SOA (RFC 2308), or a wildcard match (RFC 4592).
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-4.3.2">RFC 1034 §4.3.2</seealso>
internal static class ZoneAnswerer
{
    public static ZoneResult Lookup(SimulatedZone zone, string name, DnsRecordType type)
    {
        var key = DnsName.Key(name);
        IReadOnlyList<DnsResourceRecord> records = zone.Get(key);
        if (!zone.Names.Contains(key))
        {
            var wildcard = FindWildcard(zone, key);
            if (wildcard is null)
            {
                return ZoneResult.Negative(DnsResponseCode.NameError, zone.NegativeSoa());
            }

            records = [.. wildcard.Select(r => r with { Name = DnsName.TrimDot(name) })];
        }

        if (key == zone.Key && zone.Signed)
        {
            records = [.. records, DnsResourceRecord.Create(zone.Apex, 3600, DnssecDummyKey.Key)];
        }

        var matching = type == DnsRecordType.ANY ? records : [.. records.Where(r => r.Type == type)];
        if (matching.Count > 0)
        {
            return new ZoneResult(DnsResponseCode.NoError, matching, []);
        }

        if (type != DnsRecordType.CNAME && records.FirstOrDefault(r => r.Type == DnsRecordType.CNAME) is { } cname)
        {
            return new ZoneResult(DnsResponseCode.NoError, [cname], [], ((NameRecordData)cname.Data).Target);
        }

        return ZoneResult.Negative(DnsResponseCode.NoError, zone.NegativeSoa());
    }

    private static List<DnsResourceRecord>? FindWildcard(SimulatedZone zone, string key)
    {
        var encloser = DnsName.Parent(key);
        while (DnsName.IsAtOrBelow(encloser, zone.Key) && !zone.Names.Contains(encloser))
        {
            encloser = DnsName.Parent(encloser);
        }

        return DnsName.IsAtOrBelow(encloser, zone.Key) && zone.Records.TryGetValue($"*.{encloser}", out var wildcard) ? wildcard : null;
    }
}
