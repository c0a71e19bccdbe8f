using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chokepoint.Collection.Dns;
using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Asn;

/// <summary>
/// IP-to-ASN through Team Cymru's DNS service: TXT at <c>4.3.2.1.origin.asn.cymru.com</c> (or the nibbles under
/// <c>origin6.asn.cymru.com</c>) gives the origin AS, TXT at <c>AS13335.asn.cymru.com</c> its name.
/// </summary>
/// <seealso href="https://www.team-cymru.com/ip-asn-mapping">Team Cymru IP to ASN mapping</seealso>
public sealed class CymruAsnLookup(DnsLookup dns)
{
    /// <summary>The value recorded as the ASN source.</summary>
    public const string Source = "cymru dns";

    /// <summary>The origin AS of <paramref name="address"/>, or null when the service has none or cannot be reached.</summary>
    public async Task<AsnMatch?> LookupAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var origin = await dns.QueryAsync(OriginQueryName(address), QueryType.TXT, cancellationToken);
        var asn = origin.Succeeded ? Texts(origin).Select(ParseOriginAsn).FirstOrDefault(a => a is not null) : null;
        if (asn is null)
        {
            return null;
        }

        var name = await dns.QueryAsync(string.Create(CultureInfo.InvariantCulture, $"AS{asn}.asn.cymru.com"), QueryType.TXT, cancellationToken);
        var organization = name.Succeeded ? Texts(name).Select(ParseAsName).FirstOrDefault(n => n is not null) : null;
        return new AsnMatch(asn.Value, organization ?? "");
    }

    /// <summary>"4.3.2.1.origin.asn.cymru.com" for 1.2.3.4; nibbles under "origin6.asn.cymru.com" for IPv6.</summary>
    public static string OriginQueryName(IPAddress address)
    {
        address = AsnCsvReader.Canonical(address);
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return string.Join('.', bytes.Reverse()) + ".origin.asn.cymru.com";
        }

        var name = new StringBuilder();
        foreach (var b in bytes.Reverse())
        {
            name.Append(CultureInfo.InvariantCulture, $"{b & 0xF:x}.{b >> 4:x}.");
        }

        return name.Append("origin6.asn.cymru.com").ToString();
    }

    /// <summary>The first ASN of "13335 | 1.1.1.0/24 | AU | apnic | 2011-08-11" (several may be listed, space separated).</summary>
    public static int? ParseOriginAsn(string text)
    {
        var first = text.Split('|')[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var asn) ? asn : null;
    }

    /// <summary>The name of "13335 | US | arin | 2010-07-14 | CLOUDFLARENET, US".</summary>
    public static string? ParseAsName(string text)
    {
        var fields = text.Split('|');
        return fields.Length >= 5 && fields[4].Trim() is { Length: > 0 } name ? name : null;
    }

    private static IEnumerable<string> Texts(DnsAnswer answer) =>
        answer.Response!.Answers.OfType<TxtRecord>().Select(t => string.Concat(t.Text));
}
