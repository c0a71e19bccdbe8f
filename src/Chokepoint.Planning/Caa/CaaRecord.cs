using System.Globalization;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Caa;

/// <summary>One CAA resource record: flags, property tag and value.</summary>
/// <param name="Flags">Flags octet; bit 128 is Issuer Critical.</param>
/// <param name="Tag">Property tag: "issue", "issuewild", "iodef" or another.</param>
/// <param name="Value">Property value, e.g. "letsencrypt.org" or "mailto:security@example.org".</param>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659#section-4.1">RFC 8659 section 4.1</seealso>
public sealed record CaaRecord(int Flags, string Tag, string Value)
{
    /// <summary>The Issuer Critical flag.</summary>
    public const int IssuerCriticalFlag = 128;

    /// <summary>True when the Issuer Critical flag is set.</summary>
    public bool IsCritical => (Flags & IssuerCriticalFlag) != 0;

    /// <summary>The record as a zone record at <paramref name="name"/>.</summary>
    public ZoneRecord ToZoneRecord(string name, uint ttl) => ZoneRecord.Caa(name, ttl, Flags, Tag, Value);

    /// <summary>Reads a CAA zone record back; null if the record is not CAA.</summary>
    public static CaaRecord? FromZoneRecord(ZoneRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Type != ZoneRecordType.CAA)
        {
            return null;
        }

        var parts = record.Data.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var flags)
            ? new CaaRecord(flags, parts[1], parts.Length > 2 ? parts[2] : string.Empty)
            : null;
    }

    /// <summary>Presentation form, e.g. <c>0 issue "letsencrypt.org"</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Flags} {Tag} \"{Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
}
