using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Page;

/// <summary>What <see cref="AdsTxtParser"/> read from one ads.txt or app-ads.txt file.</summary>
public sealed record AdsTxtParseResult
{
    /// <summary>The file name the entries are attributed to ("ads.txt" or "app-ads.txt").</summary>
    public required string File { get; init; }

    /// <summary>Authorised-seller records, in file order.</summary>
    public List<AdsTxtEntry> Entries { get; init; } = [];

    /// <summary>Variable lines (CONTACT, SUBDOMAIN, OWNERDOMAIN, MANAGERDOMAIN, ...), in file order.</summary>
    public List<AdsTxtVariable> Variables { get; init; } = [];

    /// <summary>Malformed lines, with line numbers (at most the parser's error limit; see <see cref="ErrorsNotListed"/>).</summary>
    public List<AdsTxtLineError> Errors { get; init; } = [];

    /// <summary>How many further malformed lines were counted but not listed.</summary>
    public int ErrorsNotListed { get; init; }

    /// <summary>Lines examined (including comments and blank lines).</summary>
    public int LinesRead { get; init; }

    /// <summary>Null when the whole file was read; otherwise why and where reading stopped.</summary>
    public string? Truncated { get; init; }
}
