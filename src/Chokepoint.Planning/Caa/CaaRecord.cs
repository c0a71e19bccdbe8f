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

    /// <summary>
    /// Reads a CAA record in presentation form (<c>0 issue "letsencrypt.org"</c>, as DNS tools and the observations
    /// give it): flags, tag, then the value quoted with RFC 1035 escapes (or unquoted, one token). Null when the
    /// text is not one.
    /// </summary>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc8659#section-4.1.1">RFC 8659 section 4.1.1</seealso>
    public static CaaRecord? FromPresentation(string? text)
    {
        var parts = (text ?? string.Empty).Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !byte.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
        {
            return null;
        }

        var raw = parts[2].Trim();
        if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"')
        {
            raw = raw[1..^1];
        }
        else if (raw.Contains(' ', StringComparison.Ordinal) || raw.Contains('"', StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = CharacterStrings.Unescape(raw);
        return bytes is null ? null : new CaaRecord(flags, parts[1], System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Presentation form, e.g. <c>0 issue "letsencrypt.org"</c>: the value quoted with RFC 1035 escapes, on one line.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Flags} {Tag} {CharacterStrings.Quote(System.Text.Encoding.UTF8.GetBytes(Value))}");
}
