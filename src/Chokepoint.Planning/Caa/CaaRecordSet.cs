using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Caa;

/// <summary>
/// Builds a CAA record set, typically to allow a second CA next to the current one so that a CA ending service
/// costs a certificate re-issue, not a CAA change under pressure.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659">RFC 8659</seealso>
public sealed class CaaRecordSet
{
    private readonly List<CaaRecord> _records = [];

    /// <summary>Starts from existing records (kept in order).</summary>
    public static CaaRecordSet From(IEnumerable<CaaRecord> existing)
    {
        var set = new CaaRecordSet();
        set._records.AddRange(existing);
        return set;
    }

    /// <summary>
    /// The current set plus <paramref name="secondIssuer"/>: an <c>issue</c> for it, and an <c>issuewild</c> for it
    /// when the set already names wildcard issuers (a set that forbids wildcards with <c>issuewild ";"</c> keeps doing so).
    /// When the current set is empty, <paramref name="currentIssuer"/> is added first so that it stays allowed.
    /// </summary>
    public static CaaRecordSet AddSecondCa(IEnumerable<CaaRecord> existing, string? currentIssuer, string secondIssuer)
    {
        var set = From(existing);
        if (!set._records.Any(r => IsTag(r, "issue")) && currentIssuer is not null)
        {
            set.Issue(currentIssuer);
        }

        set.Issue(secondIssuer);
        if (set._records.Any(r => IsTag(r, "issuewild") && !r.Value.TrimStart().StartsWith(';')))
        {
            set.IssueWild(secondIssuer);
        }

        return set;
    }

    /// <summary>Allows <paramref name="issuerDomain"/> to issue, optionally with parameters such as ("accounturi", "...").</summary>
    public CaaRecordSet Issue(string issuerDomain, params (string Key, string Value)[] parameters) => Add("issue", issuerDomain, parameters);

    /// <summary>Allows <paramref name="issuerDomain"/> to issue wildcard certificates.</summary>
    public CaaRecordSet IssueWild(string issuerDomain, params (string Key, string Value)[] parameters) => Add("issuewild", issuerDomain, parameters);

    /// <summary>Forbids wildcard issuance by every CA (<c>issuewild ";"</c>).</summary>
    public CaaRecordSet ForbidWildcards() => Add("issuewild", string.Empty, []);

    /// <summary>Where CAs report refused requests: a mailto:, http: or https: URL.</summary>
    public CaaRecordSet Iodef(string url)
    {
        var record = new CaaRecord(0, "iodef", url);
        if (!_records.Contains(record))
        {
            _records.Add(record);
        }

        return this;
    }

    /// <summary>The records, issue first, then issuewild, then iodef, then anything else.</summary>
    public IReadOnlyList<CaaRecord> Build() => _records.OrderBy(TagOrder).ToList();

    /// <summary>The records as zone records at <paramref name="name"/>.</summary>
    public IReadOnlyList<ZoneRecord> ToZoneRecords(string name, uint ttl) => Build().Select(r => r.ToZoneRecord(name, ttl)).ToList();

    private CaaRecordSet Add(string tag, string issuerDomain, (string Key, string Value)[] parameters)
    {
        var value = issuerDomain.Trim().ToLowerInvariant();
        if (value.Length == 0 && parameters.Length == 0)
        {
            value = ";";
        }
        else if (parameters.Length > 0)
        {
            value += "; " + string.Join("; ", parameters.Select(p => $"{p.Key}={p.Value}"));
        }

        var record = new CaaRecord(0, tag, value);
        if (!_records.Any(r => IsTag(r, tag) && string.Equals(r.Value, value, StringComparison.OrdinalIgnoreCase)))
        {
            _records.Add(record);
        }

        return this;
    }

    private static int TagOrder(CaaRecord record) => record.Tag.ToLowerInvariant() switch
    {
        "issue" => 0,
        "issuewild" => 1,
        "iodef" => 2,
        _ => 3,
    };

    private static bool IsTag(CaaRecord record, string tag) => string.Equals(record.Tag, tag, StringComparison.OrdinalIgnoreCase);
}
