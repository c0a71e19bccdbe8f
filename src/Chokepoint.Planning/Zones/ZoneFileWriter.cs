using System.Globalization;
using System.Text;

namespace Chokepoint.Planning.Zones;

/// <summary>
/// Writes a zone as an RFC 1035 master file: <c>$ORIGIN</c>, <c>$TTL</c> (RFC 2308), then one entry per record
/// with an explicit TTL and class. Names under the origin are written relative to it (<c>@</c> for the origin
/// itself); TXT text is quoted, escaped and split into strings of at most 255 bytes.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5">RFC 1035 section 5</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc2308#section-4">RFC 2308 section 4, $TTL</seealso>
public static class ZoneFileWriter
{
    /// <summary>Writes the zone as master-file text (LF line endings).</summary>
    public static string Write(ZoneFile zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var origin = ZoneRecord.Absolute(zone.Origin);
        var builder = new StringBuilder()
            .Append("$ORIGIN ").Append(origin).Append('\n')
            .Append("$TTL ").Append(zone.DefaultTtl.ToString(CultureInfo.InvariantCulture)).Append('\n');

        foreach (var record in zone.Records.OrderBy(r => r.Type != ZoneRecordType.SOA))
        {
            var owner = Relative(record.Name, origin);
            builder.Append(owner.PadRight(24)).Append(' ')
                .Append(record.Ttl.ToString(CultureInfo.InvariantCulture)).Append(" IN ")
                .Append(record.Type.ToString()).Append(' ')
                .Append(Rdata(record, origin)).Append('\n');
        }

        return builder.ToString();
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
