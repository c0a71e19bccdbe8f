using System.Globalization;
using DnsClient.Protocol;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// Record data in presentation format (RFC 1035 section 5.1) as the observations carry it: names lowercased
/// with their trailing dot, TXT as the concatenation of its strings, CAA as <c>0 issue "ca.example"</c>.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659">RFC 8659: CAA</seealso>
public static class DnsPresentation
{
    /// <summary>The record's data, or null for a type the observations do not carry.</summary>
    public static string? Format(DnsResourceRecord record) => record switch
    {
        SoaRecord soa => string.Create(
            CultureInfo.InvariantCulture,
            $"{Name(soa.MName.Value)} {Name(soa.RName.Value)} {soa.Serial} {soa.Refresh} {soa.Retry} {soa.Expire} {soa.Minimum}"),
        NsRecord ns => Name(ns.NSDName.Value),
        CNameRecord cname => Name(cname.CanonicalName.Value),
        MxRecord mx => string.Create(CultureInfo.InvariantCulture, $"{mx.Preference} {Name(mx.Exchange.Value)}"),
        AddressRecord address => address.Address.ToString(),
        TxtRecord txt => string.Concat(txt.Text),
        CaaRecord caa => string.Create(CultureInfo.InvariantCulture, $"{caa.Flags} {caa.Tag} \"{caa.Value}\""),
        DsRecord ds => string.Create(CultureInfo.InvariantCulture, $"{ds.KeyTag} {ds.Algorithm} {ds.DigestType} {ds.DigestAsString}"),
        DnsKeyRecord key => string.Create(CultureInfo.InvariantCulture, $"{key.Flags} {key.Protocol} {key.Algorithm}"),
        _ => null,
    };

    /// <summary>"ns1.example.com." from any spelling of the name.</summary>
    public static string Name(string name)
    {
        var trimmed = HostName.Normalize(name);
        return trimmed.Length == 0 ? "." : trimmed + ".";
    }

    /// <summary>"ns1.example.com" (no trailing dot, lowercased), the form host names take in observations.</summary>
    public static string Host(string name) => HostName.Normalize(name);

    /// <summary>True when two names are the same, ignoring case and the trailing dot.</summary>
    public static bool SameName(string a, string b) => string.Equals(Host(a), Host(b), StringComparison.Ordinal);
}
