namespace Chokepoint.Collection.Asn;

/// <summary>
/// Reads iptoasn.com's TSV format: <c>range_start range_end AS_number country_code AS_description</c>, tab separated,
/// one range a line; AS number 0 marks a range that is not routed.
/// </summary>
public static class AsnTsvReader
{
    /// <summary>
    /// Parses one line; null when it is not a routed range: <paramref name="unrouted"/> is then true for AS 0, else
    /// the reason is in <paramref name="error"/>. Never throws.
    /// </summary>
    public static AsnRange? ParseLine(string line, out bool isIpv6, out bool unrouted, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        isIpv6 = false;
        unrouted = false;
        var fields = line.Split('\t');
        if (fields.Length < 5)
        {
            error = "expected 5 tab-separated fields";
            return null;
        }

        if (fields[2].Trim() is "0" or "AS0")
        {
            unrouted = true;
            error = null;
            return null;
        }

        return AsnCsvReader.ToRange(fields[0], fields[1], fields[2], fields[4], out isIpv6, out error);
    }
}
