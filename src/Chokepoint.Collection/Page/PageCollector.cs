using System.Globalization;
using Chokepoint.Collection.Dns;
using Chokepoint.Observations.Page;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Reads a site's landing page, the money pages it links to (donate, membership, subscribe, shop, support),
/// and its ads.txt and app-ads.txt, into a <see cref="PageObservation"/>. Every limit (redirects, bytes, pages,
/// time) ends in a recorded reason: a page that was not read says why, so unseen is never reported as absent.
/// </summary>
/// <remarks>
/// Redirects are followed here, hop by hop, so the <see cref="HttpClient"/> given should not follow them itself
/// (<see cref="HttpClientHandler.AllowAutoRedirect"/> = false); if it does, only the final URL is seen.
/// </remarks>
/// <seealso href="https://iabtechlab.com/wp-content/uploads/2022/04/Ads.txt-1.1.pdf"/>
public sealed class PageCollector
{
    private readonly PageFetcher fetcher;
    private readonly ResourceProber prober;
    private readonly PageCollectorOptions options;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a collector that sends requests through <paramref name="send"/> (for example a simulated network).</summary>
    /// <param name="send">Sends one request and returns the response once its headers have arrived.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="timeProvider">The clock for timeouts; the system clock when null.</param>
    public PageCollector(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        PageCollectorOptions? options = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        this.options = options ?? new PageCollectorOptions();
        if (this.options.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(options));
        }

        this.timeProvider = timeProvider ?? TimeProvider.System;
        fetcher = new PageFetcher(send, this.options, this.timeProvider);
        prober = new ResourceProber(send, this.options, this.timeProvider);
    }

    /// <summary>Creates a collector that sends requests through <paramref name="httpClient"/> (headers read first, body streamed).</summary>
    public PageCollector(HttpClient httpClient, PageCollectorOptions? options = null, TimeProvider? timeProvider = null)
        : this(SendThrough(httpClient), options, timeProvider)
    {
    }

    private static readonly string[] AdsTxtFiles = ["ads.txt", "app-ads.txt"];

    /// <summary>
    /// Collects the page observation for a site. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled; timeouts and the time budget are recorded as reasons.
    /// </summary>
    /// <param name="landingUrl">The URL to start from, e.g. https://example.org/.</param>
    /// <param name="siteDomain">The site's registrable domain, used to tell same-site pages from outbound links and to find ads.txt; when null, the landing page's host without "www.".</param>
    /// <param name="har">A browser capture of the landing page to merge in, if any.</param>
    /// <param name="cancellationToken">Cancels the whole collection.</param>
    public async Task<PageObservation> CollectAsync(
        Uri landingUrl,
        string? siteDomain = null,
        HarCapture? har = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(landingUrl);
        using var budget = new CancellationTokenSource(options.TotalBudget, timeProvider);
        var pages = new List<PageFetch>();
        var resources = new List<PageResource>();
        var notes = new List<string>();
        var outbound = new LinkCollector(options.MaxLinksKept);

        // With the site's domain known, ads.txt and app-ads.txt need nothing from the landing page: start them with it.
        var adsTasks = siteDomain is null ? null : StartAdsTxt(landingUrl, DnsPresentation.Host(siteDomain), budget.Token, cancellationToken);
        var landing = await fetcher.FetchAsync(landingUrl, "landing", options.MaxBytesPerPage, budget.Token, cancellationToken);
        pages.Add(landing.Fetch);
        var site = DnsPresentation.Host(siteDomain ?? SiteOf(landing.FinalUrl));
        var pagesFetched = 1;

        if (IsHtml(landing))
        {
            var extraction = Extract(landing, resources, notes);
            outbound.AddOutbound(extraction.Links, site);
            var moneyPages = MoneyPageFinder.Find(extraction.Links, landing.FinalUrl, site, options.MaxMoneyPages);
            // Money pages and ads.txt depend only on the landing page: fetch them all at once, then read them in order.
            adsTasks ??= StartAdsTxt(landing.FinalUrl, site, budget.Token, cancellationToken);
            var fetches = new List<(MoneyPage Page, Task<PageFetcher.Outcome>? Fetch)>();
            foreach (var moneyPage in moneyPages)
            {
                if (pagesFetched >= options.MaxPages)
                {
                    fetches.Add((moneyPage, null));
                    continue;
                }

                pagesFetched++;
                fetches.Add((moneyPage, budget.IsCancellationRequested
                    ? null
                    : fetcher.FetchAsync(moneyPage.Url, moneyPage.Purpose, options.MaxBytesPerPage, budget.Token, cancellationToken)));
            }

            foreach (var (moneyPage, fetch) in fetches)
            {
                if (fetch is null)
                {
                    pages.Add(NotFetched(moneyPage, budget.IsCancellationRequested
                        ? $"not fetched: the time budget of {PageFetcher.Seconds(options.TotalBudget)} ran out"
                        : $"not fetched: the limit of {options.MaxPages} pages was reached"));
                    continue;
                }

                var page = await fetch;
                pages.Add(page.Fetch);
                if (IsHtml(page))
                {
                    var found = Extract(page, resources, notes);
                    outbound.AddOutbound(found.Links, site);
                }
            }
        }
        else
        {
            notes.Add(landing.Body is null
                ? $"money pages were not looked for: the landing page was not read ({landing.Fetch.Incomplete ?? "no body"})"
                : $"money pages were not looked for: the landing page is {landing.MediaType ?? "of unknown type"}, not HTML");
        }

        var adsTxt = new List<AdsTxtEntry>();
        var adsTxtErrors = new List<string>();
        var adsTxtVariables = new List<AdsTxtVariable>();
        foreach (var (file, fileUrl, fetch) in adsTasks ?? StartAdsTxt(landing.FinalUrl, site, budget.Token, cancellationToken))
        {
            if (fetch is null)
            {
                pages.Add(new PageFetch { Url = fileUrl.AbsoluteUri, Purpose = file, Incomplete = $"not fetched: the time budget of {PageFetcher.Seconds(options.TotalBudget)} ran out" });
                continue;
            }

            var fetched = await fetch;
            pages.Add(fetched.Fetch);
            ReadAdsTxt(fetched, file, adsTxt, adsTxtErrors, adsTxtVariables, notes);
        }

        if (outbound.Dropped > 0)
        {
            notes.Add($"kept the first {N(options.MaxLinksKept)} outbound links; {N(outbound.Dropped)} more were not kept");
        }

        var observation = new PageObservation
        {
            Pages = pages,
            Resources = resources,
            Links = outbound.Links,
            AdsTxt = adsTxt,
            AdsTxtErrors = adsTxtErrors,
            AdsTxtVariables = adsTxtVariables,
            Notes = notes,
        };
        if (har is not null)
        {
            observation = MergeHar(observation, har);
        }

        // The third-party hosts the pages load from, asked for the headers that name their CDN (those a HAR gave are not asked again).
        if (options.MaxProbedHosts > 0)
        {
            var (probedResources, probes) = await prober.ProbeAsync(observation.Resources, site, budget.Token, cancellationToken);
            observation = observation with { Resources = probedResources, Probes = probes };
        }

        return observation;
    }

    /// <summary>
    /// The gaps the probes of <paramref name="observation"/> leave (<see cref="Observations.GapKeys.PageProbe"/>): one
    /// per third-party host whose request failed, and one for the hosts beyond the probe limit.
    /// </summary>
    public static List<Observations.Unobserved> ProbeGaps(PageObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return ResourceProber.Gaps(observation.Probes);
    }

    /// <summary>
    /// Adds a browser capture's requests to an observation: each request becomes a resource with its response
    /// headers (a resource already found in the HTML gains the headers), and the capture is listed as a page
    /// with purpose "har" and any reason it was read only in part.
    /// </summary>
    public static PageObservation MergeHar(PageObservation observation, HarCapture capture)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(capture);
        var resources = new List<PageResource>(observation.Resources);
        var byUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < resources.Count; i++)
        {
            byUrl.TryAdd(resources[i].Url, i);
        }

        var harUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in capture.Entries)
        {
            if (entry.Host.Length == 0 || !harUrls.Add(entry.Url))
            {
                continue;
            }

            if (byUrl.TryGetValue(entry.Url, out var index))
            {
                resources[index] = resources[index] with { Headers = entry.Headers, HeadersFrom = "har" };
                continue;
            }

            byUrl[entry.Url] = resources.Count;
            resources.Add(new PageResource
            {
                Url = entry.Url,
                Host = entry.Host,
                Kind = entry.Kind,
                FoundOn = "har",
                Headers = entry.Headers,
                HeadersFrom = "har",
            });
        }

        var pageUrl = capture.PageTitle is { } title && Uri.TryCreate(title, UriKind.Absolute, out _)
            ? title
            : capture.Entries.FirstOrDefault()?.Url ?? "har";
        var reasons = new List<string>();
        if (capture.Error is not null)
        {
            reasons.Add($"HAR read in part: {capture.Error}");
        }

        reasons.AddRange(capture.Notes);
        var pages = new List<PageFetch>(observation.Pages)
        {
            new()
            {
                Url = pageUrl,
                Purpose = "har",
                Status = capture.Entries.FirstOrDefault(e => e.Kind == "document" && e.Status is >= 200 and < 300)?.Status,
                Incomplete = reasons.Count == 0 ? null : string.Join("; ", reasons),
            },
        };

        var notes = new List<string>(observation.Notes);
        notes.AddRange(capture.Notes.Select(note => "HAR: " + note));
        return observation with { Resources = resources, Pages = pages, Notes = notes };
    }

    private HtmlExtraction Extract(PageFetcher.Outcome page, List<PageResource> resources, List<string> notes)
    {
        var extraction = HtmlResourceExtractor.Extract(page.Body!, page.FinalUrl, options.MaxResourcesPerPage, options.MaxLinksPerPage);
        var known = new HashSet<(string, string)>(resources.Select(r => (r.Url, r.Kind)));
        resources.AddRange(extraction.Resources.Where(r => known.Add((r.Url, r.Kind))));
        notes.AddRange(extraction.Notes);
        return extraction;
    }

    /// <summary>
    /// Starts the ads.txt and app-ads.txt fetches at the root of <paramref name="site"/>, with the scheme and port of
    /// <paramref name="from"/> (none when disabled; a null task when out of time).
    /// </summary>
    /// <seealso href="https://iabtechlab.com/ads-txt/">IAB Tech Lab: ads.txt, served at the root of the domain</seealso>
    private List<(string File, Uri Url, Task<PageFetcher.Outcome>? Fetch)> StartAdsTxt(Uri from, string site, CancellationToken budget, CancellationToken cancellationToken)
    {
        if (!options.FetchAdsTxt)
        {
            return [];
        }

        return AdsTxtFiles.Select(file =>
        {
            var fileUrl = new UriBuilder(from) { Host = site, Path = "/" + file, Query = "", Fragment = "" }.Uri;
            return (file, fileUrl, budget.IsCancellationRequested ? null : fetcher.FetchAsync(fileUrl, file, options.MaxBytesPerAdsTxt, budget, cancellationToken));
        }).ToList();
    }

    private static void ReadAdsTxt(
        PageFetcher.Outcome fetched,
        string file,
        List<AdsTxtEntry> entries,
        List<string> errors,
        List<AdsTxtVariable> variables,
        List<string> notes)
    {
        if (fetched.Body is null || fetched.Fetch.Status is not (>= 200 and < 300))
        {
            return;
        }

        if (fetched.MediaType is "text/html" or "application/xhtml+xml")
        {
            notes.Add($"{file}: the server answered with an HTML page, not a text file; it was not read as {file}");
            return;
        }

        var parsed = AdsTxtParser.Parse(fetched.Body, file);
        entries.AddRange(parsed.Entries);
        variables.AddRange(parsed.Variables);
        errors.AddRange(parsed.Errors.Select(error => error.ToString()));
        if (parsed.ErrorsNotListed > 0)
        {
            notes.Add($"{file}: {N(parsed.ErrorsNotListed)} more malformed lines were not listed");
        }

        if (parsed.Truncated is not null)
        {
            notes.Add($"{file}: {parsed.Truncated}");
        }
    }

    private static bool IsHtml(PageFetcher.Outcome page) =>
        page.Body is not null
        && page.Fetch.Status is >= 200 and < 300
        && (page.MediaType is null or "text/html" or "application/xhtml+xml" || page.MediaType.EndsWith("+xml", StringComparison.Ordinal));

    private static PageFetch NotFetched(MoneyPage page, string reason) =>
        new() { Url = page.Url.AbsoluteUri, Purpose = page.Purpose, Incomplete = reason };

    private static string SiteOf(Uri url)
    {
        var host = HostName.Of(url);
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> SendThrough(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return (request, cancellationToken) => httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Keeps outbound links (to other sites), deduplicated and bounded.</summary>
    private sealed class LinkCollector(int max)
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public List<PageLink> Links { get; } = [];

        public int Dropped { get; private set; }

        public void AddOutbound(IEnumerable<PageLink> links, string site)
        {
            foreach (var link in links)
            {
                var outboundLink = !AffiliateLinkParser.IsUnder(link.Host, site);
                if ((!outboundLink && link.AffiliateTag is null) || !seen.Add(link.Url))
                {
                    continue;
                }

                if (Links.Count >= max)
                {
                    Dropped++;
                    continue;
                }

                Links.Add(link);
            }
        }
    }
}
