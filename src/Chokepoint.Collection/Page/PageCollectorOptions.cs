namespace Chokepoint.Collection.Page;

/// <summary>Bounds for <see cref="PageCollector"/>: every limit ends in a recorded reason, never in silence.</summary>
public sealed record PageCollectorOptions
{
    /// <summary>Redirects followed per fetch.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Body bytes read per page; the rest is left unread and the page is marked incomplete.</summary>
    public int MaxBytesPerPage { get; init; } = 5 * 1024 * 1024;

    /// <summary>Body bytes read per ads.txt or app-ads.txt file.</summary>
    public int MaxBytesPerAdsTxt { get; init; } = 4 * 1024 * 1024;

    /// <summary>HTML pages fetched, the landing page included.</summary>
    public int MaxPages { get; init; } = 5;

    /// <summary>Money pages (donate, membership, subscribe, shop, support) looked for on the landing page.</summary>
    public int MaxMoneyPages { get; init; } = MoneyPageFinder.DefaultMaxPages;

    /// <summary>Time allowed for one fetch, redirects and body included.</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for the whole collection; pages not reached in time are recorded as not fetched.</summary>
    public TimeSpan TotalBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Resources listed per page.</summary>
    public int MaxResourcesPerPage { get; init; } = HtmlResourceExtractor.DefaultMaxResources;

    /// <summary>Links examined per page.</summary>
    public int MaxLinksPerPage { get; init; } = HtmlResourceExtractor.DefaultMaxLinks;

    /// <summary>Outbound links kept in the observation, over all pages.</summary>
    public int MaxLinksKept { get; init; } = 1_000;

    /// <summary>Whether to fetch /ads.txt and /app-ads.txt.</summary>
    public bool FetchAdsTxt { get; init; } = true;

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "Mozilla/5.0 (compatible; Chokepoint/0.1)";
}
