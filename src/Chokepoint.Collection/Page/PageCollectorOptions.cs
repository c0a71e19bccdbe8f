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

    /// <summary>
    /// Third-party hosts asked for their response headers (one request per host, in the order seen; the rest are
    /// listed as not probed). 0, the default here, probes none; an audit sets it from
    /// <see cref="Session.CollectionSettings.MaxProbedHosts"/> (12).
    /// </summary>
    public int MaxProbedHosts { get; init; }

    /// <summary>Most probe requests in flight at once (each to another host, so one at a time per server).</summary>
    public int MaxProbesInFlight { get; init; } = 4;

    /// <summary>Time allowed for one host's probe (the HEAD and, when HEAD is refused, the ranged GET).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most hosts <see cref="MaxProbedHosts"/> may be.</summary>
    public const int MaxProbedHostsLimit = 100;

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "Mozilla/5.0 (compatible; Chokepoint/0.1)";

    /// <summary>Why these options cannot be used, one message per problem; empty when they can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxProbedHosts is < 0 or > MaxProbedHostsLimit)
        {
            errors.Add($"{nameof(MaxProbedHosts)} must be between 0 and {MaxProbedHostsLimit} (is {MaxProbedHosts})");
        }

        if (MaxProbesInFlight <= 0)
        {
            errors.Add($"{nameof(MaxProbesInFlight)} must be positive (is {MaxProbesInFlight})");
        }

        if (ProbeTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(ProbeTimeout)} must be positive (is {ProbeTimeout})");
        }

        return errors;
    }
}
