using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Page;

/// <summary>The resources and links <see cref="HtmlResourceExtractor"/> found in one page, and what it left out.</summary>
public sealed record HtmlExtraction
{
    /// <summary>Resources the page loads (deduplicated by URL and kind), in document order.</summary>
    public List<PageResource> Resources { get; init; } = [];

    /// <summary>Every http(s) link (<c>a href</c>, <c>area href</c>) with its text, deduplicated by URL, in document order.</summary>
    public List<PageLink> Links { get; init; } = [];

    /// <summary>Resources found beyond the resource limit and not listed.</summary>
    public int ResourcesDropped { get; init; }

    /// <summary>Links found beyond the link limit and not listed.</summary>
    public int LinksDropped { get; init; }

    /// <summary>Elements examined.</summary>
    public int ElementsVisited { get; init; }

    /// <summary>Elements not examined because the element limit was reached.</summary>
    public int ElementsSkipped { get; init; }

    /// <summary>What was bounded, in words (empty when nothing was left out).</summary>
    public List<string> Notes { get; init; } = [];
}
