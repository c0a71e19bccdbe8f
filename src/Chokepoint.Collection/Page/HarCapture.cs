namespace Chokepoint.Collection.Page;

/// <summary>
/// What <see cref="HarReader"/> read from a HAR file: its entries, what it left out, and the error that stopped it, if any.
/// A capture with an <see cref="Error"/> may still hold the entries read before the error.
/// </summary>
public sealed record HarCapture
{
    /// <summary>The HAR format version ("1.2"), when present.</summary>
    public string? Version { get; init; }

    /// <summary>The first page's title (browsers record the page URL there), when present.</summary>
    public string? PageTitle { get; init; }

    /// <summary>The requests read, in file order.</summary>
    public List<HarEntry> Entries { get; init; } = [];

    /// <summary>What was bounded or skipped (entries beyond the limit, entries without a URL).</summary>
    public List<string> Notes { get; init; } = [];

    /// <summary>Null when the file was read; otherwise why it could not be read (not JSON, not HAR, cut short).</summary>
    public string? Error { get; init; }
}
