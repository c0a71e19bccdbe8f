using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chokepoint.Collection.Asn;

/// <summary>
/// Reads the CSV format of the @ip-location-db/asn data sets: <c>start_ip,end_ip,asn,organization</c>, one range a
/// line, fields optionally quoted ("..." with "" for a quote), an optional header line.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180: CSV</seealso>
public static class AsnCsvReader
{
    /// <summary>Parses one line; null when it is not a valid range (the reason in <paramref name="error"/>). Never throws.</summary>
    public static AsnRange? ParseLine(string line, out bool isIpv6, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        isIpv6 = false;
        var fields = SplitFields(line);
        if (fields is null || fields.Count < 4)
        {
            error = "expected 4 fields";
            return null;
        }

        return ToRange(fields[0], fields[1], fields[2], string.Join(",", fields.Skip(3)), out isIpv6, out error);
    }

    /// <summary>A range from its four fields as text; null when they are not a valid range (the reason in <paramref name="error"/>).</summary>
    internal static AsnRange? ToRange(string startText, string endText, string asnText, string organization, out bool isIpv6, out string? error)
    {
        isIpv6 = false;
        if (!IPAddress.TryParse(startText.Trim(), out var start) || !IPAddress.TryParse(endText.Trim(), out var end))
        {
            error = "not an IP address";
            return null;
        }

        start = Canonical(start);
        end = Canonical(end);
        if (start.AddressFamily != end.AddressFamily)
        {
            error = "start and end are of different families";
            return null;
        }

        asnText = asnText.Trim();
        if (asnText.StartsWith("AS", StringComparison.OrdinalIgnoreCase))
        {
            asnText = asnText[2..];
        }

        if (!int.TryParse(asnText, NumberStyles.None, CultureInfo.InvariantCulture, out var asn))
        {
            error = "ASN is not a number";
            return null;
        }

        var from = ToNumber(start);
        var to = ToNumber(end);
        if (from > to)
        {
            error = "start is after end";
            return null;
        }

        isIpv6 = start.AddressFamily == AddressFamily.InterNetworkV6;
        error = null;
        return new AsnRange(from, to, asn, organization.Trim());
    }

    /// <summary>The address as a number: 32 bits for IPv4 (and IPv4-mapped IPv6), 128 bits for IPv6.</summary>
    public static UInt128 ToNumber(IPAddress address)
    {
        address = Canonical(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        UInt128 value = 0;
        for (var i = 0; i < written; i++)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    /// <summary>IPv4-mapped IPv6 addresses as IPv4.</summary>
    public static IPAddress Canonical(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>True for a header line such as "start_ip,end_ip,asn,organization".</summary>
    public static bool IsHeader(string line) =>
        line.StartsWith("start", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("\"start", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("ip_start", StringComparison.OrdinalIgnoreCase);

    private static List<string>? SplitFields(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                current.Clear();
                quoted = true;
            }
            else if (c == ',' && fields.Count < 3)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(current.ToString());
        return fields;
    }
}
