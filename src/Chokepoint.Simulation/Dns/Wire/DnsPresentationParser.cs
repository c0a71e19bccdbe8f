using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>
/// Parses record data written in zone-file presentation format (as in a world file's
/// <c>ResourceRecord.Data</c>): <c>"10 mx.example.com."</c>, <c>"0 issue \"letsencrypt.org\""</c>,
/// SOA as <c>"mname rname serial refresh retry expire minimum"</c>, TXT as one or more quoted strings.
/// Relative names are resolved against the zone origin; "@" is the origin itself.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 §5.1</seealso>
public static class DnsPresentationParser
{
    /// <summary>Resolves a possibly relative name ("@", "www", "mx.example.com.") against <paramref name="origin"/>.</summary>
    public static string ResolveName(string name, string origin)
    {
        origin = DnsName.TrimDot(origin);
        name = name.Trim();
        if (name is "@" or "")
        {
            return origin;
        }

        if (name == "." || (name.EndsWith('.') && DnsName.TrimDot(name).Length == name.Length - 1))
        {
            return DnsName.TrimDot(name);
        }

        return origin.Length == 0 ? name : $"{name}.{origin}";
    }

    /// <summary>Parses <paramref name="type"/> ("MX", "TXT", ...) record data; false with a reason when it is not valid.</summary>
    public static bool TryParse(string type, string data, string origin, out DnsRecordData? result, out string? error)
    {
        result = null;
        if (!Enum.TryParse<DnsRecordType>(type, ignoreCase: true, out var recordType) || !Enum.IsDefined(recordType)
            || recordType is DnsRecordType.None or DnsRecordType.ANY or DnsRecordType.OPT)
        {
            error = $"unsupported record type '{type}'";
            return false;
        }

        if (!PresentationTokenizer.TryTokenize(data, out var tokens, out error))
        {
            return false;
        }

        error = Parse(recordType, tokens, origin, out result);
        return error is null;
    }

    private static string? Parse(DnsRecordType type, List<PresentationToken> tokens, string origin, out DnsRecordData? result)
    {
        result = null;
        string Name(int index) => ResolveName(tokens[index].Text, origin);
        string? Count(int expected) => tokens.Count == expected ? null : $"{type} needs {expected} fields, got {tokens.Count}";
        switch (type)
        {
            case DnsRecordType.A:
            case DnsRecordType.AAAA:
                var family = type == DnsRecordType.A ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
                if (Count(1) is { } addressError)
                {
                    return addressError;
                }

                if (!IPAddress.TryParse(tokens[0].Text, out var address) || address.AddressFamily != family)
                {
                    return $"'{tokens[0].Text}' is not an {type} address";
                }

                result = new AddressRecordData(address);
                return null;
            case DnsRecordType.NS:
            case DnsRecordType.CNAME:
                if (Count(1) is { } nameError)
                {
                    return nameError;
                }

                result = new NameRecordData(type, Name(0));
                return CheckNames(result, Name(0));
            case DnsRecordType.MX:
                if (Count(2) is { } mxError)
                {
                    return mxError;
                }

                if (!ushort.TryParse(tokens[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var preference))
                {
                    return $"'{tokens[0].Text}' is not an MX preference";
                }

                result = new MxRecordData(preference, Name(1));
                return CheckNames(result, Name(1));
            case DnsRecordType.SOA:
                if (Count(7) is { } soaError)
                {
                    return soaError;
                }

                var numbers = new uint[5];
                for (var i = 0; i < 5; i++)
                {
                    if (!uint.TryParse(tokens[i + 2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                    {
                        return $"'{tokens[i + 2].Text}' is not an SOA number";
                    }
                }

                result = new SoaRecordData(Name(0), Name(1), numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
                return CheckNames(result, Name(0), Name(1));
            case DnsRecordType.TXT:
                if (tokens.Count == 0)
                {
                    return "TXT needs at least one string";
                }

                result = new TxtRecordData([.. tokens.Select(t => t.Text)]);
                return null;
            case DnsRecordType.CAA:
                if (Count(3) is { } caaError)
                {
                    return caaError;
                }

                if (!byte.TryParse(tokens[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
                {
                    return $"'{tokens[0].Text}' is not a CAA flags byte";
                }

                var tag = tokens[1].Text;
                if (tag.Length is 0 or > 255 || !tag.All(char.IsAsciiLetterOrDigit))
                {
                    return $"'{tag}' is not a CAA tag";
                }

                result = new CaaRecordData(flags, tag, tokens[2].Text);
                return null;
            case DnsRecordType.DS:
                return ParseKeyLike(tokens, hex: true, (a, b, c, bytes) => new DsRecordData(a, b, c, bytes), out result);
            case DnsRecordType.DNSKEY:
                return ParseKeyLike(tokens, hex: false, (a, b, c, bytes) => new DnskeyRecordData(a, b, c, bytes), out result);
            default:
                return $"unsupported record type '{type}'";
        }
    }

    private static string? ParseKeyLike(
        List<PresentationToken> tokens, bool hex, Func<ushort, byte, byte, byte[], DnsRecordData> create, out DnsRecordData? result)
    {
        result = null;
        if (tokens.Count < 4
            || !ushort.TryParse(tokens[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !byte.TryParse(tokens[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || !byte.TryParse(tokens[2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var third))
        {
            return "expected three numbers followed by the key or digest";
        }

        var text = string.Concat(tokens.Skip(3).Select(t => t.Text));
        try
        {
            result = create(first, second, third, hex ? Convert.FromHexString(text) : Convert.FromBase64String(text));
            return null;
        }
        catch (FormatException)
        {
            return hex ? "digest is not hexadecimal" : "key is not base64";
        }
    }

    private static string? CheckNames(DnsRecordData data, params string[] names) =>
        names.FirstOrDefault(n => !DnsName.TryGetLabels(n, out _)) is { } bad ? $"'{bad}' is not a valid name in {data.Type} data" : null;
}
