using System.Globalization;
using System.Net.Http.Headers;
using Chokepoint.Collection.Http;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Asks each third-party host the pages load from (scripts, styles, images, media, fonts, frames of hosts outside
/// the site) for the response headers that name its CDN: one request per host, for the first URL seen for it, a HEAD,
/// or a ranged GET (Range: bytes=0-0, at most <see cref="MaxBodyBytes"/> of body read and discarded) when the server
/// refuses HEAD with 405 or 501. Redirects are not followed: the headers kept are the host's own. At most
/// <see cref="PageCollectorOptions.MaxProbedHosts"/> hosts, in the order seen, with at most
/// <see cref="PageCollectorOptions.MaxProbesInFlight"/> requests (each to another host) at once; the hosts beyond
/// the limit are listed as not probed. A failure is recorded for that host, never thrown.
/// </summary>
internal sealed class ResourceProber(
    Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, PageCollectorOptions options, TimeProvider time)
{
    /// <summary>Body bytes read from a ranged GET before the response is dropped.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    /// <summary>The resource kinds whose hosts serve content to the page (not links, forms or connection hints).</summary>
    public static IReadOnlySet<string> ProbedKinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "script", "stylesheet", "image", "media", "font", "iframe",
    };

    /// <summary>
    /// Probes the third-party hosts of <paramref name="resources"/> that have no headers yet (a HAR may have given
    /// them); returns the resources with the probed ones' headers added (<see cref="PageResource.HeadersFrom"/>
    /// "probe") and one <see cref="ResourceProbe"/> per third-party host.
    /// </summary>
    public async Task<(List<PageResource> Resources, List<ResourceProbe> Probes)> ProbeAsync(
        IReadOnlyList<PageResource> resources, string site, CancellationToken budget, CancellationToken cancellationToken)
    {
        var result = new List<PageResource>(resources);
        var withHeaders = new HashSet<string>(resources.Where(r => r.Headers is not null).Select(r => r.Host), StringComparer.Ordinal);
        var candidates = new List<(int Index, Uri Url)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            if (!ProbedKinds.Contains(resource.Kind)
                || resource.Host.Length == 0
                || withHeaders.Contains(resource.Host)
                || AffiliateLinkParser.IsUnder(resource.Host, site)
                || !Uri.TryCreate(resource.Url, UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
                || !seen.Add(resource.Host))
            {
                continue;
            }

            candidates.Add((i, url));
        }

        var probed = candidates.Take(options.MaxProbedHosts).ToList();
        using var slots = new SemaphoreSlim(options.MaxProbesInFlight);
        var outcomes = await Task.WhenAll(probed.Select(async candidate =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await ProbeOneAsync(candidate.Url, resources[candidate.Index].Host, budget, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));

        var probes = new List<ResourceProbe>(candidates.Count);
        for (var i = 0; i < probed.Count; i++)
        {
            var (probe, headers) = outcomes[i];
            probes.Add(probe);
            if (headers is not null)
            {
                var index = probed[i].Index;
                result[index] = result[index] with { Headers = headers, HeadersFrom = "probe" };
            }
        }

        var limit = $"probe limit: only the first {options.MaxProbedHosts.ToString(CultureInfo.InvariantCulture)} third-party hosts are probed";
        probes.AddRange(candidates.Skip(probed.Count).Select(candidate => new ResourceProbe
        {
            Url = candidate.Url.AbsoluteUri,
            Host = resources[candidate.Index].Host,
            NotObserved = limit,
            GapKind = GapKind.Bounded,
        }));
        return (result, probes);
    }

    /// <summary>
    /// The gaps of <paramref name="probes"/>: one per host whose request failed (<see cref="GapKeys.PageProbe"/>,
    /// target the host), and one for all the hosts beyond the probe limit (no target).
    /// </summary>
    public static List<Unobserved> Gaps(IReadOnlyList<ResourceProbe> probes)
    {
        var gaps = probes
            .Where(probe => probe.NotObserved is not null && probe.Method is not null)
            .Select(probe => Unobserved.Of(GapKeys.PageProbe, probe.GapKind ?? GapKind.Failed, probe.NotObserved!, probe.Host))
            .ToList();
        var notProbed = probes.Where(probe => probe.Method is null && probe.NotObserved is not null).Select(probe => probe.Host).ToList();
        if (notProbed.Count > 0)
        {
            var probedCount = probes.Count - notProbed.Count;
            gaps.Add(Unobserved.Of(
                GapKeys.PageProbe,
                GapKind.Bounded,
                $"probe limit: the CDN of {notProbed.Count.ToString(CultureInfo.InvariantCulture)} more third-party hosts was not looked for "
                + $"(the first {probedCount.ToString(CultureInfo.InvariantCulture)} were probed): {string.Join(", ", notProbed)}"));
        }

        return gaps;
    }

    private async Task<(ResourceProbe Probe, Dictionary<string, string>? Headers)> ProbeOneAsync(
        Uri url, string host, CancellationToken budget, CancellationToken cancellationToken)
    {
        var method = "HEAD";
        int? headStatus = null;
        var probe = new ResourceProbe { Url = url.AbsoluteUri, Host = host, Method = method };
        if (budget.IsCancellationRequested)
        {
            return (probe with { NotObserved = BudgetReason, GapKind = GapKind.BudgetSpent }, null);
        }

        using var both = CancellationTokenSource.CreateLinkedTokenSource(budget, cancellationToken);
        using var timer = new ProbeTimer(options.ProbeTimeout, time, both.Token);
        try
        {
            using var head = Request(HttpMethod.Head, url);
            var response = await send(head, timer.Token);
            try
            {
                if ((int)response.StatusCode is 405 or 501)
                {
                    headStatus = (int)response.StatusCode;
                    response.Dispose();
                    method = "GET";
                    using var get = Request(HttpMethod.Get, url);
                    get.Headers.Range = new RangeHeaderValue(0, 0);
                    response = await send(get, timer.Token);
                    await DiscardAsync(response.Content, timer.Token);
                }

                return (probe with
                {
                    Method = method,
                    Status = (int)response.StatusCode,
                    HeadStatus = headStatus,
                    Provenance = new Provenance($"page probe {url.GetLeftPart(UriPartial.Authority)}", time.GetUtcNow()),
                }, HttpCollector.HeadersOf(response));
            }
            finally
            {
                response.Dispose();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var (reason, kind) = timer.TimedOut ? (timer.TimeoutReason, GapKind.Timeout) : (BudgetReason, GapKind.BudgetSpent);
            return (probe with { Method = method, HeadStatus = headStatus, NotObserved = reason, GapKind = kind }, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return (probe with { Method = method, HeadStatus = headStatus, NotObserved = $"{method} {url.AbsoluteUri}: {FailureText.Describe(exception)}", GapKind = FailureKinds.Of(exception) }, null);
        }
    }

    private string BudgetReason => $"the time budget of {PageFetcher.Seconds(options.TotalBudget)} ran out";

    private HttpRequestMessage Request(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        return request;
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> of a body (a server may ignore the range) and drops it.</summary>
    private static async Task DiscardAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        while (total < MaxBodyBytes)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                return;
            }

            total += read;
        }
    }
}
