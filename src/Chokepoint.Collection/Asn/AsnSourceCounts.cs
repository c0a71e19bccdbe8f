namespace Chokepoint.Collection.Asn;

/// <summary>What <see cref="AsnIndexBuilder"/> read from one source file.</summary>
/// <param name="Path">The file.</param>
/// <param name="Ranges">Lines read as a range (before overlaps are resolved).</param>
/// <param name="Malformed">Data lines that are not a range.</param>
/// <param name="Unrouted">TSV lines of AS 0, not routed.</param>
public sealed record AsnSourceCounts(string Path, int Ranges, int Malformed, int Unrouted)
{
    /// <summary>Data lines read: ranges, malformed and unrouted.</summary>
    public int Lines => Ranges + Malformed + Unrouted;
}
