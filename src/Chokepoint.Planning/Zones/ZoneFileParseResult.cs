namespace Chokepoint.Planning.Zones;

/// <summary>The records read from a master file, and the entries that could not be read.</summary>
/// <param name="Origin">The last <c>$ORIGIN</c> in effect, or null.</param>
/// <param name="DefaultTtl">The last <c>$TTL</c>, or null.</param>
/// <param name="Records">The records, in file order.</param>
/// <param name="Errors">Entries that were skipped, with the reason.</param>
public sealed record ZoneFileParseResult(string? Origin, uint? DefaultTtl, IReadOnlyList<ZoneRecord> Records, IReadOnlyList<ZoneParseError> Errors)
{
    /// <summary>True when every entry was read.</summary>
    public bool IsSuccess => Errors.Count == 0;
}
