namespace Chokepoint.Planning.Zones;

/// <summary>A zone to write as an RFC 1035 master file.</summary>
/// <param name="Origin">The zone's origin, e.g. "example.org." (the trailing dot is added if missing).</param>
/// <param name="DefaultTtl">Value of the <c>$TTL</c> directive (RFC 2308).</param>
/// <param name="Records">The records.</param>
public sealed record ZoneFile(string Origin, uint DefaultTtl, IReadOnlyList<ZoneRecord> Records);
