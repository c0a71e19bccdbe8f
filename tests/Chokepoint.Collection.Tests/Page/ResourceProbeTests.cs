using System.Net;
using System.Net.Sockets;
using Chokepoint.Collection.Page;
using Chokepoint.Collection.Session;
using Chokepoint.Observations;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Tests.Page;

/// <summary>
/// The page collector asks each third-party host its pages load from for its response headers: HEAD, a ranged GET
/// when HEAD is refused, bounded in hosts and time, every failure a gap for that host. Servers on 127.0.0.0/8 only.
/// </summary>
public sealed class ResourceProbeTests
{
    private static CancellationToken TestTimeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private static readonly PageCollectorOptions Probing = new()
    {
        PageTimeout = TimeSpan.FromSeconds(20),
        TotalBudget = TimeSpan.FromSeconds(60),
        ProbeTimeout = TimeSpan.FromSeconds(20),
        FetchAdsTxt = false,
        MaxProbedHosts = 12,
    };

    private const string CdnHeaders = "X-Served-By: cache-fra-1\r\nVia: 1.1 varnish\r\n";

    /// <summary>The site: one landing page on 127.0.0.1 that loads <paramref name="urls"/> as scripts.</summary>
    private static LoopbackHttpServer Site(params Uri[] urls) =>
        new((path, stream, ct) => path == "/"
            ? LoopbackHttpServer.RespondAsync(stream, 200, "text/html", "<html><head>" + string.Concat(urls.Select(url => $"<script src=\"{url}\"></script>")) + "</head></html>", ct)
            : LoopbackHttpServer.RespondAsync(stream, 404, "text/plain", "no", ct));

    private static async Task<PageObservation> CollectAsync(LoopbackHttpServer site, PageCollectorOptions? options = null)
    {
        using var client = LoopbackHttpServer.Client();
        return await new PageCollector(client, options ?? Probing).CollectAsync(site.Url(), cancellationToken: TestTimeout);
    }

    [Theory]
    [InlineData(405)]
    [InlineData(501)]
    public async Task A_server_that_refuses_head_is_asked_with_a_ranged_get_whose_headers_are_kept(int refusal)
    {
        var ranges = new List<string?>();
        await using var cdn = LoopbackHttpServer.Answering(async (head, stream, ct) =>
        {
            if (head.Method == "HEAD")
            {
                await LoopbackHttpServer.WriteAsync(stream, $"HTTP/1.1 {refusal} No\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct);
                return;
            }

            lock (ranges)
            {
                ranges.Add(head.Header("Range"));
            }

            // A server that ignores the range: the body is read only to the cap, then dropped.
            await LoopbackHttpServer.RespondAsync(stream, 200, "application/javascript", new string('x', 256 * 1024), ct, CdnHeaders);
        }, IPAddress.Parse("127.0.0.2"));
        await using var site = Site(cdn.Url("/lib.js"));

        var page = await CollectAsync(site);

        var probe = Assert.Single(page.Probes);
        Assert.Equal("127.0.0.2", probe.Host);
        Assert.Equal("GET", probe.Method);
        Assert.Equal(refusal, probe.HeadStatus);
        Assert.Equal(200, probe.Status);
        Assert.Null(probe.NotObserved);
        Assert.StartsWith("page probe http://127.0.0.2:", probe.Provenance?.Source, StringComparison.Ordinal);
        Assert.Equal(["bytes=0-0"], ranges);
        var resource = Assert.Single(page.Resources, r => r.Host == "127.0.0.2");
        Assert.Equal("probe", resource.HeadersFrom);
        Assert.Equal("cache-fra-1", resource.Headers?["x-served-by"]);
        Assert.Equal("1.1 varnish", resource.Headers?["via"]);
        Assert.Empty(PageCollector.ProbeGaps(page));
    }

    [Fact]
    public async Task A_head_answered_is_the_only_request_and_the_first_url_of_a_host_is_the_one_asked()
    {
        var asked = new List<string>();
        await using var cdn = LoopbackHttpServer.Answering(async (head, stream, ct) =>
        {
            lock (asked)
            {
                asked.Add($"{head.Method} {head.Path}");
            }

            await LoopbackHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n{CdnHeaders}\r\n", ct);
        }, IPAddress.Parse("127.0.0.2"));
        await using var site = Site(cdn.Url("/first.js"), cdn.Url("/second.js"));

        var page = await CollectAsync(site);

        Assert.Equal(["HEAD /first.js"], asked);
        var probe = Assert.Single(page.Probes);
        Assert.Equal(("HEAD", 200, (int?)null), (probe.Method, probe.Status, probe.HeadStatus));
        Assert.Equal("probe", Assert.Single(page.Resources, r => r.Url.EndsWith("/first.js", StringComparison.Ordinal)).HeadersFrom);
        Assert.Null(Assert.Single(page.Resources, r => r.Url.EndsWith("/second.js", StringComparison.Ordinal)).Headers);
    }

    [Fact]
    public async Task A_host_that_never_answers_is_a_timeout_gap_for_that_host_and_the_others_are_still_read()
    {
        await using var silent = new LoopbackHttpServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct), IPAddress.Parse("127.0.0.2"));
        await using var cdn = new LoopbackHttpServer(
            (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n{CdnHeaders}\r\n", ct),
            IPAddress.Parse("127.0.0.3"));
        await using var site = Site(silent.Url("/a.js"), cdn.Url("/b.js"));

        var page = await CollectAsync(site, Probing with { ProbeTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(200, page.Pages[0].Status);
        var timedOut = Assert.Single(page.Probes, p => p.Host == "127.0.0.2");
        Assert.Equal(GapKind.Timeout, timedOut.GapKind);
        Assert.Equal("timed out after 0.5 s", timedOut.NotObserved);
        Assert.Null(Assert.Single(page.Resources, r => r.Host == "127.0.0.2").Headers);
        Assert.Equal("cache-fra-1", Assert.Single(page.Resources, r => r.Host == "127.0.0.3").Headers?["x-served-by"]);
        var gap = Assert.Single(PageCollector.ProbeGaps(page));
        Assert.Equal((GapKeys.PageProbe, "127.0.0.2", GapKind.Timeout, "page.probe.127.0.0.2"), (gap.Subject, gap.Target, gap.Kind, gap.What));
    }

    [Fact]
    public async Task A_host_that_refuses_the_connection_is_a_refused_gap()
    {
        var closed = new TcpListener(IPAddress.Parse("127.0.0.2"), 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var site = Site(new Uri($"http://127.0.0.2:{port}/gone.js"));

        var page = await CollectAsync(site);

        var probe = Assert.Single(page.Probes);
        Assert.Equal(GapKind.Refused, probe.GapKind);
        Assert.Contains("connection refused", probe.NotObserved, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(GapKind.Refused, Assert.Single(PageCollector.ProbeGaps(page)).Kind);
    }

    [Fact]
    public async Task Hosts_beyond_the_limit_are_not_asked_and_are_named_in_one_bounded_gap()
    {
        var servers = new List<LoopbackHttpServer>();
        try
        {
            for (var i = 2; i <= 4; i++)
            {
                servers.Add(new LoopbackHttpServer(
                    (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct),
                    IPAddress.Parse($"127.0.0.{i}")));
            }

            await using var site = Site([.. servers.Select(s => s.Url("/x.js"))]);

            var page = await CollectAsync(site, Probing with { MaxProbedHosts = 2 });

            Assert.Equal([1, 1, 0], servers.Select(s => s.Requests));
            Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4"], page.Probes.Select(p => p.Host));
            var notProbed = page.Probes[2];
            Assert.Null(notProbed.Method);
            Assert.Equal(GapKind.Bounded, notProbed.GapKind);
            var gap = Assert.Single(PageCollector.ProbeGaps(page));
            Assert.Equal((GapKeys.PageProbe, (string?)null, GapKind.Bounded), (gap.Subject, gap.Target, gap.Kind));
            Assert.StartsWith("probe limit: the CDN of 1 more third-party hosts was not looked for (the first 2 were probed): 127.0.0.4", gap.Reason, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_sites_own_hosts_connection_hints_and_hosts_a_har_gave_headers_for_are_not_asked()
    {
        await using var other = new LoopbackHttpServer(
            (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct),
            IPAddress.Parse("127.0.0.2"));
        await using var site = new LoopbackHttpServer((path, stream, ct) => LoopbackHttpServer.RespondAsync(stream, 200, "text/html",
            $"<html><head><link rel=\"preconnect\" href=\"{other.Url("/")}\"><script src=\"/own.js\"></script><script src=\"{other.Url("/har.js")}\"></script></head></html>", ct));
        using var client = LoopbackHttpServer.Client();
        var har = new HarCapture
        {
            Entries = [new HarEntry { Url = other.Url("/har.js").AbsoluteUri, Host = "127.0.0.2", Kind = "script", Status = 200, Headers = new() { ["x-cache"] = "Hit from cloudfront" } }],
        };

        var page = await new PageCollector(client, Probing).CollectAsync(site.Url(), har: har, cancellationToken: TestTimeout);

        Assert.Empty(page.Probes);
        Assert.Equal(0, other.Requests);
        Assert.Equal("har", Assert.Single(page.Resources, r => r.Kind == "script" && r.Host == "127.0.0.2").HeadersFrom);
    }

    [Fact]
    public async Task Without_a_probe_limit_nothing_is_asked()
    {
        await using var cdn = new LoopbackHttpServer(
            (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct),
            IPAddress.Parse("127.0.0.2"));
        await using var site = Site(cdn.Url("/lib.js"));

        var page = await CollectAsync(site, Probing with { MaxProbedHosts = 0 });

        Assert.Empty(page.Probes);
        Assert.Equal(0, cdn.Requests);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_probe_limit_out_of_range_is_refused_with_its_name(int limit)
    {
        using var client = LoopbackHttpServer.Client();
        var error = Assert.Throws<ArgumentException>(() => new PageCollector(client, Probing with { MaxProbedHosts = limit }));
        Assert.Contains("MaxProbedHosts must be between 0 and 100", error.Message, StringComparison.Ordinal);
        Assert.Contains(new CollectionSettings { MaxProbedHosts = limit }.Validate(), e => e.StartsWith("MaxProbedHosts must be between 0 and 100", StringComparison.Ordinal));
        Assert.DoesNotContain(new CollectionSettings().Validate(), e => e.Contains("MaxProbedHosts", StringComparison.Ordinal));
    }
}
