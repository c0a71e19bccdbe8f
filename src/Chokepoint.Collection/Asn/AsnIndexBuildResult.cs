namespace Chokepoint.Collection.Asn;

/// <summary>What <see cref="AsnIndexBuilder"/> read and wrote.</summary>
public sealed record AsnIndexBuildResult
{
    /// <summary>Data lines read (header and blank lines excluded).</summary>
    public int LinesRead { get; init; }

    /// <summary>Lines skipped because they could not be read as <c>start_ip,end_ip,asn,organization</c>.</summary>
    public int MalformedLines { get; init; }

    /// <summary>Lines of a TSV source skipped because their range is not routed (AS 0).</summary>
    public int UnroutedLines { get; init; }

    /// <summary>The first few malformed lines with their line numbers, for the user to see.</summary>
    public IReadOnlyList<string> MalformedSamples { get; init; } = [];

    /// <summary>What each source file held, in the order read (a file with no line at all is absent).</summary>
    public IReadOnlyList<AsnSourceCounts> Sources { get; init; } = [];

    /// <summary>IPv4 ranges in the index after overlaps were resolved and neighbours merged.</summary>
    public int Ipv4Ranges { get; init; }

    /// <summary>IPv6 ranges in the index.</summary>
    public int Ipv6Ranges { get; init; }

    /// <summary>Distinct organisation names.</summary>
    public int Organizations { get; init; }
}
