using System.Globalization;
using System.Net;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// IP-to-ASN answers in the style of Team Cymru's DNS service, from the world's address space
/// (longest-prefix match):
/// <c>D.C.B.A.origin.asn.cymru.com TXT "ASN | prefix | ZZ | sim | 2020-01-01"</c>,
/// the nibble-reversed IPv6 form under <c>origin6.asn.cymru.com</c>, and
/// <c>AS&lt;n&gt;.asn.cymru.com TXT "ASN | ZZ | sim | 2020-01-01 | ORGANISATION"</c>.
/// </summary>
/// <seealso href="https://www.team-cymru.com/ip-asn-mapping">Team Cymru IP to ASN mapping</seealso>
internal static class CymruResponder
{
    public const string Apex = "asn.cymru.com";
    private const string Origin = "origin.asn.cymru.com";
    private const string Origin6 = "origin6.asn.cymru.com";
    private const uint Ttl = 14400;

    private static readonly DnsResourceRecord Soa = DnsResourceRecord.Create(
        Apex, 3600, new SoaRecordData("ns.asn.cymru.com", "hostmaster.asn.cymru.com", 2020010101, 3600, 900, 604800, 300));

    public static bool Handles(string key) => DnsName.IsAtOrBelow(key, Apex);

    public static ZoneResult Answer(AddressPrefixTable prefixes, string name, string key, DnsRecordType type)
    {
        if (key is Apex or Origin or Origin6)
        {
            return type == DnsRecordType.SOA && key == Apex
                ? new ZoneResult(DnsResponseCode.NoError, [Soa], [])
                : ZoneResult.Negative(DnsResponseCode.NoError, Soa);
        }

        var text = TextFor(prefixes, key);
        if (text is null)
        {
            return ZoneResult.Negative(DnsResponseCode.NameError, Soa);
        }

        return type is DnsRecordType.TXT or DnsRecordType.ANY
            ? new ZoneResult(DnsResponseCode.NoError, [DnsResourceRecord.Create(DnsName.TrimDot(name), Ttl, new TxtRecordData([text]))], [])
            : ZoneResult.Negative(DnsResponseCode.NoError, Soa);
    }

    private static string? TextFor(AddressPrefixTable prefixes, string key)
    {
        if (DnsName.IsAtOrBelow(key, Origin))
        {
            var labels = key[..^(Origin.Length + 1)].Split('.');
            if (labels.Length != 4 || !labels.All(l => byte.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return null;
            }

            var address = IPAddress.Parse(string.Join('.', labels.Reverse()));
            return prefixes.Match(address) is { } prefix ? $"{prefix.Asn} | {prefix.Prefix} | ZZ | sim | 2020-01-01" : null;
        }

        if (DnsName.IsAtOrBelow(key, Origin6))
        {
            var nibbles = key[..^(Origin6.Length + 1)].Split('.');
            if (nibbles.Length != 32 || !nibbles.All(n => n.Length == 1 && char.IsAsciiHexDigit(n[0])))
            {
                return null;
            }

            var bytes = Convert.FromHexString(string.Concat(nibbles.Reverse()));
            return prefixes.Match(new IPAddress(bytes)) is { } prefix ? $"{prefix.Asn} | {prefix.Prefix} | ZZ | sim | 2020-01-01" : null;
        }

        var label = key[..^(Apex.Length + 1)];
        if (label.StartsWith("as", StringComparison.Ordinal)
            && int.TryParse(label.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var asn)
            && prefixes.ByAsn(asn) is { } announced)
        {
            return $"{asn} | ZZ | sim | 2020-01-01 | {announced.Organization}";
        }

        return null;
    }
}
