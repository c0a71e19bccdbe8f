using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Mail;

/// <summary>
/// An MX set with a backup exchanger at a higher preference value, so senders fall back to it when the primary
/// provider stops accepting mail. The backup must accept (and queue or deliver) mail for the domain.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5321#section-5.1">RFC 5321 section 5.1</seealso>
public sealed record MxRecordSet(IReadOnlyList<MxEntry> Entries)
{
    /// <summary>Preference added above the highest current one for the backup.</summary>
    public const ushort BackupPreferenceStep = 10;

    /// <summary>
    /// The current exchangers plus <paramref name="backupExchange"/> at a preference <see cref="BackupPreferenceStep"/>
    /// above the highest current one (unchanged when the backup is already present).
    /// </summary>
    public static MxRecordSet WithBackup(IEnumerable<MxEntry> current, string backupExchange)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupExchange);
        var entries = current.Select(e => e with { Exchange = ZoneRecord.Absolute(e.Exchange) }).ToList();
        var backup = ZoneRecord.Absolute(backupExchange);
        if (!entries.Any(e => e.Exchange == backup))
        {
            var highest = entries.Count == 0 ? 0 : entries.Max(e => e.Preference);
            entries.Add(new MxEntry((ushort)Math.Min(ushort.MaxValue, highest + BackupPreferenceStep), backup));
        }

        return new MxRecordSet(entries.OrderBy(e => e.Preference).ThenBy(e => e.Exchange, StringComparer.Ordinal).ToList());
    }

    /// <summary>The set as MX zone records at <paramref name="name"/>.</summary>
    public IReadOnlyList<ZoneRecord> ToZoneRecords(string name, uint ttl) =>
        Entries.Select(e => ZoneRecord.Mx(name, ttl, e.Preference, e.Exchange)).ToList();
}
