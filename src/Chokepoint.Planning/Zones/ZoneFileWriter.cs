using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chokepoint.Planning.Caa;

namespace Chokepoint.Planning.Zones;

/// <summary>
/// Writes a zone as an RFC 1035 master file: <c>$ORIGIN</c>, <c>$TTL</c> (RFC 2308), then one entry per record
/// with an explicit TTL and class. Names under the origin are written relative to it (<c>@</c> for the origin
/// itself); TXT text is quoted, escaped and split into strings of at most 255 bytes.
/// Every record is checked before it is written (<see cref="Problem"/>): a record whose owner or target is not a
/// domain name (<see cref="ZoneNames"/>), whose address does not parse or whose CAA property is not valid
/// (RFC 8659) is skipped and named in a comment instead, so no value can add a directive or a record of its own.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659#section-4.1">RFC 8659 section 4.1</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5">RFC 1035 section 5</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc2308#section-4">RFC 2308 section 4, $TTL</seealso>
public static class ZoneFileWriter
{
    /// <summary>Writes the zone as master-file text (LF line endings).</summary>
    public static string Write(ZoneFile zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (ZoneNames.Problem(zone.Origin) is { } originProblem)
        {
            return ZoneComments.Line($"not written: the origin '{zone.Origin}' is not a domain name ({originProblem})");
        }

        var origin = ZoneRecord.Absolute(zone.Origin);
        var builder = new StringBuilder()
            .Append("$ORIGIN ").Append(origin).Append('\n')
            .Append("$TTL ").Append(zone.DefaultTtl.ToString(CultureInfo.InvariantCulture)).Append('\n');

        foreach (var record in zone.Records.OrderBy(r => r.Type != ZoneRecordType.SOA))
        {
            if (Problem(record) is { } problem)
            {
                builder.Append(ZoneComments.Line($"skipped a {record.Type} record for '{record.Name}': {problem}"));
                continue;
            }

            var owner = Relative(record.Name, origin);
            builder.Append(owner.PadRight(24)).Append(' ')
                .Append(record.Ttl.ToString(CultureInfo.InvariantCulture)).Append(" IN ")
                .Append(record.Type.ToString()).Append(' ')
                .Append(Rdata(record, origin)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Null when the writer can write <paramref name="record"/> as it is, else why it is skipped.</summary>
    public static string? Problem(ZoneRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (ZoneNames.Problem(record.Name) is { } owner)
        {
            return "the owner is not a domain name: " + owner;
        }

        var data = record.Data ?? string.Empty;
        switch (record.Type)
        {
            case ZoneRecordType.A:
            case ZoneRecordType.AAAA:
            {
                var family = record.Type == ZoneRecordType.A ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
                return IPAddress.TryParse(data, out var ip) && ip.AddressFamily == family && ip.ToString() == data
                    ? null
                    : $"'{data}' is not an {(record.Type == ZoneRecordType.A ? "IPv4" : "IPv6")} address";
            }

            case ZoneRecordType.CNAME:
            case ZoneRecordType.NS:
                return ZoneNames.Problem(data) is { } target ? "the target is not a domain name: " + target : null;
            case ZoneRecordType.MX:
            {
                var parts = data.Split(' ');
                if (parts.Length != 2 || !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return "the data is not 'preference exchange'";
                }

                return ZoneNames.Problem(parts[1]) is { } exchange ? "the exchange is not a domain name: " + exchange : null;
            }

            case ZoneRecordType.TXT:
                return null;
            case ZoneRecordType.CAA:
                return CaaProblem(data);
            case ZoneRecordType.SOA:
            {
                var p = data.Split(' ');
                if (p.Length != 7 || p.Skip(2).Any(n => !uint.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                {
                    return "the data is not 'mname rname serial refresh retry expire minimum'";
                }

                return ZoneNames.Problem(p[0]) ?? ZoneNames.Problem(p[1]);
            }

            default:
                return $"type {record.Type} is not written";
        }
    }

    private static string? CaaProblem(string data)
    {
        var parts = data.Split(' ', 3);
        if (parts.Length < 2 || !byte.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
        {
            return "the data is not 'flags tag value' with flags 0-255";
        }

        var record = new CaaRecord(flags, parts[1], parts.Length > 2 ? parts[2] : string.Empty);
        var errors = CaaValidator.Validate([record]).Problems.Where(p => p.Severity == CaaProblemSeverity.Error && p.Index == 0).ToList();
        return errors.Count == 0 ? null : "not a valid CAA property: " + errors[0].Message;
    }

    /// <summary>A name relative to the origin: "@" for the origin, "www" for www.origin, else absolute.</summary>
    public static string Relative(string absoluteName, string origin)
    {
        var name = ZoneRecord.Absolute(absoluteName);
        origin = ZoneRecord.Absolute(origin);
        if (name == origin)
        {
            return "@";
        }

        return name.EndsWith("." + origin, StringComparison.Ordinal) ? name[..^(origin.Length + 1)] : name;
    }

    private static string Rdata(ZoneRecord record, string origin)
    {
        switch (record.Type)
        {
            case ZoneRecordType.CNAME:
            case ZoneRecordType.NS:
                return Relative(record.Data, origin);
            case ZoneRecordType.MX:
            {
                var parts = record.Data.Split(' ', 2);
                return $"{parts[0]} {Relative(parts[1], origin)}";
            }

            case ZoneRecordType.TXT:
            {
                var chunks = CharacterStrings.QuotedChunks(record.Data);
                return chunks.Count == 1
                    ? chunks[0]
                    : "(\n" + string.Join("\n", chunks.Select(c => new string(' ', 8) + c)) + " )";
            }

            case ZoneRecordType.CAA:
            {
                var parts = record.Data.Split(' ', 3);
                var value = parts.Length > 2 ? parts[2] : string.Empty;
                return $"{parts[0]} {parts[1]} {CharacterStrings.Quote(Encoding.UTF8.GetBytes(value))}";
            }

            case ZoneRecordType.SOA:
            {
                var p = record.Data.Split(' ');
                return $"{Relative(p[0], origin)} {Relative(p[1], origin)} (\n" +
                       $"        {p[2]} ; serial\n" +
                       $"        {p[3]} ; refresh\n" +
                       $"        {p[4]} ; retry\n" +
                       $"        {p[5]} ; expire\n" +
                       $"        {p[6]} ) ; minimum";
            }

            default:
                return record.Data;
        }
    }
}
