using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Chokepoint.Planning.Zones;

/// <summary>
/// One resource record in canonical form, so that records compare by value. <see cref="Name"/> is absolute,
/// lowercase, with a trailing dot. <see cref="Data"/> depends on the type:
/// A/AAAA the address; CNAME/NS the absolute target; MX "preference exchange."; TXT the text itself (the
/// character-strings concatenated, unescaped); CAA "flags tag value" with the value unquoted; SOA
/// "mname. rname. serial refresh retry expire minimum".
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5">RFC 1035 section 5, master files</seealso>
public sealed record ZoneRecord(string Name, uint Ttl, ZoneRecordType Type, string Data)
{
    /// <summary>An A record.</summary>
    public static ZoneRecord A(string name, uint ttl, string address) =>
        new(Absolute(name), ttl, ZoneRecordType.A, ParseAddress(address, AddressFamily.InterNetwork));

    /// <summary>An AAAA record.</summary>
    public static ZoneRecord Aaaa(string name, uint ttl, string address) =>
        new(Absolute(name), ttl, ZoneRecordType.AAAA, ParseAddress(address, AddressFamily.InterNetworkV6));

    /// <summary>A CNAME record.</summary>
    public static ZoneRecord Cname(string name, uint ttl, string target) => new(Absolute(name), ttl, ZoneRecordType.CNAME, Absolute(target));

    /// <summary>An NS record.</summary>
    public static ZoneRecord Ns(string name, uint ttl, string nameserver) => new(Absolute(name), ttl, ZoneRecordType.NS, Absolute(nameserver));

    /// <summary>An MX record.</summary>
    public static ZoneRecord Mx(string name, uint ttl, ushort preference, string exchange) =>
        new(Absolute(name), ttl, ZoneRecordType.MX, string.Create(CultureInfo.InvariantCulture, $"{preference} {Absolute(exchange)}"));

    /// <summary>A TXT record holding <paramref name="text"/> (split into 255-byte strings when written).</summary>
    public static ZoneRecord Txt(string name, uint ttl, string text) => new(Absolute(name), ttl, ZoneRecordType.TXT, text);

    /// <summary>
    /// A CAA record (RFC 8659). A space inside <paramref name="tag"/> is kept as its escape (<c>\032</c>) so the tag
    /// stays one field: such a tag is not valid and the writer refuses the record rather than reading a shorter tag.
    /// </summary>
    public static ZoneRecord Caa(string name, uint ttl, int flags, string tag, string value) =>
        new(Absolute(name), ttl, ZoneRecordType.CAA, string.Create(CultureInfo.InvariantCulture, $"{flags} {tag.ToLowerInvariant().Replace(" ", "\\032", StringComparison.Ordinal)} {value}"));

    /// <summary>An SOA record.</summary>
    public static ZoneRecord Soa(string name, uint ttl, string primaryNameserver, string responsibleMailbox, uint serial, uint refresh, uint retry, uint expire, uint minimum) =>
        new(Absolute(name), ttl, ZoneRecordType.SOA, string.Create(CultureInfo.InvariantCulture,
            $"{Absolute(primaryNameserver)} {Absolute(responsibleMailbox)} {serial} {refresh} {retry} {expire} {minimum}"));

    /// <summary>Lowercases a name and adds the trailing dot.</summary>
    public static string Absolute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var lower = name.Trim().ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }

    private static string ParseAddress(string address, AddressFamily family)
    {
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != family)
        {
            throw new ArgumentException($"'{address}' is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address.", nameof(address));
        }

        return ip.ToString();
    }
}
