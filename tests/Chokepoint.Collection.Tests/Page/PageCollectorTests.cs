using System.Net;
using System.Net.Sockets;
using System.Text;
using Chokepoint.Collection.Page;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Tests.Page;

/// <summary>Drives <see cref="PageCollector"/> against misbehaving servers on 127.0.0.1; every run must end bounded and explained.</summary>
public sealed class PageCollectorTests
{
    /// <summary>Generous: only a hang would reach it, and then the test fails rather than stalls.</summary>
    private static CancellationToken TestTimeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private static readonly PageCollectorOptions Fast = new()
    {
        PageTimeout = TimeSpan.FromSeconds(20),
        TotalBudget = TimeSpan.FromSeconds(60),
    };

    private static async Task<PageObservation> CollectAsync(LoopbackHttpServer server, PageCollectorOptions? options = null, string path = "/")
    {
        using var client = LoopbackHttpServer.Client();
        var collector = new PageCollector(client, options ?? Fast);
        return await collector.CollectAsync(server.Url(path), cancellationToken: TestTimeout);
    }

    private static Task NotFound(Stream stream, CancellationToken cancellationToken) =>
        LoopbackHttpServer.RespondAsync(stream, 404, "text/plain", "not found", cancellationToken);

    [Fact]
    public async Task A_site_gives_its_resources_money_pages_outbound_links_and_ads_txt()
    {
        const string landing = """
            <html><head><script src="https://cdn.example/lib.js"></script></head><body>
            <a href="/faire-un-don">Faire un don</a>
            <a href="/boutique">Boutique</a>
            <a href="https://www.amazon.fr/dp/1?tag=journal-21">Le livre</a>
            <a href="https://www.patreon.com/example">Patreon</a>
            <a href="/about">About</a>
            </body></html>
            """;
        const string donate = """<html><body><iframe src="https://donorbox.example/embed/x"></iframe><a href="https://www.paypal.com/donate?hosted_button_id=1">PayPal</a></body></html>""";
        await using var server = new LoopbackHttpServer((path, stream, ct) => path switch
        {
            "/" => LoopbackHttpServer.RespondAsync(stream, 200, "text/html; charset=utf-8", landing, ct),
            "/faire-un-don" => LoopbackHttpServer.RespondAsync(stream, 200, "text/html", donate, ct),
            "/boutique" => LoopbackHttpServer.RespondAsync(stream, 200, "text/html", "<html><script src=\"https://shop.example/widget.js\" async></script></html>", ct),
            "/ads.txt" => LoopbackHttpServer.RespondAsync(stream, 200, "text/plain", "OWNERDOMAIN=example.org\ngoogle.com, pub-1, DIRECT, f08c47fec0942fa0\nbroken line\n", ct),
            _ => NotFound(stream, ct),
        });

        var page = await CollectAsync(server);

        Assert.Equal(["landing", "donate", "shop", "ads.txt", "app-ads.txt"], page.Pages.Select(p => p.Purpose));
        Assert.All(page.Pages.Take(4), p => Assert.Null(p.Incomplete));
        Assert.Equal(200, page.Pages[0].Status);
        Assert.Equal("HTTP 404", page.Pages[4].Incomplete);
        Assert.Contains(page.Resources, r => r.Host == "cdn.example" && r.Kind == "script" && r.Blocking);
        Assert.Contains(page.Resources, r => r.Host == "donorbox.example" && r.Kind == "iframe" && r.FoundOn == server.Url("/faire-un-don").AbsoluteUri);
        Assert.Contains(page.Resources, r => r.Host == "shop.example" && !r.Blocking);
        Assert.Contains(page.Links, l => l.Host == "www.amazon.fr" && l.AffiliateTag == "tag=journal-21");
        Assert.Contains(page.Links, l => l.Host == "www.patreon.com");
        Assert.Contains(page.Links, l => l.Host == "www.paypal.com");
        Assert.DoesNotContain(page.Links, l => l.Host == "127.0.0.1");
        var entry = Assert.Single(page.AdsTxt);
        Assert.Equal("google.com", entry.AdSystem);
        Assert.Equal("OWNERDOMAIN", Assert.Single(page.AdsTxtVariables).Name);
        Assert.StartsWith("ads.txt line 3:", Assert.Single(page.AdsTxtErrors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifty_megabyte_body_is_read_to_the_cap_and_says_so()
    {
        const long size = 50L * 1024 * 1024;
        await using var server = new LoopbackHttpServer(async (path, stream, ct) =>
        {
            if (path != "/")
            {
                await NotFound(stream, ct);
                return;
            }

            await LoopbackHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n", ct);
            var chunk = Encoding.ASCII.GetBytes("<html><body><script src=\"https://first.example/a.js\"></script>" + new string(' ', 64 * 1024));
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, size - sent)), ct);
            }
        });

        var page = await CollectAsync(server);

        var landing = page.Pages[0];
        Assert.Equal(5L * 1024 * 1024, landing.BytesRead);
        Assert.Equal("body is 50 MB (52,428,800 bytes); read the first 5 MB", landing.Incomplete);
        Assert.Contains(page.Resources, r => r.Host == "first.example");
    }

    [Fact]
    public async Task An_endless_chunked_body_is_cut_at_the_cap()
    {
        await using var server = new LoopbackHttpServer(async (path, stream, ct) =>
        {
            if (path != "/")
            {
                await NotFound(stream, ct);
                return;
            }

            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", ct);
            var data = "<p>" + new string('x', 8000) + "</p>";
            var chunk = Encoding.ASCII.GetBytes($"{data.Length:x}\r\n{data}\r\n");
            while (!ct.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, ct);
            }
        });

        var page = await CollectAsync(server, Fast with { MaxBytesPerPage = 1024 * 1024 });

        Assert.Equal(1024 * 1024, page.Pages[0].BytesRead);
        Assert.Equal("body exceeded 1 MB; read the first 1 MB", page.Pages[0].Incomplete);
        Assert.Equal(["landing", "ads.txt", "app-ads.txt"], page.Pages.Select(p => p.Purpose));
    }

    [Fact]
    public async Task A_redirect_loop_is_detected_and_named()
    {
        await using var server = new LoopbackHttpServer((path, stream, ct) => path switch
        {
            "/" => LoopbackHttpServer.RedirectAsync(stream, "/a", ct),
            "/a" => LoopbackHttpServer.RedirectAsync(stream, "/b", ct),
            "/b" => LoopbackHttpServer.RedirectAsync(stream, "/a", ct),
            _ => NotFound(stream, ct),
        });

        var page = await CollectAsync(server);

        var landing = page.Pages[0];
        Assert.Equal($"redirect loop at {server.Url("/a").AbsoluteUri}", landing.Incomplete);
        Assert.Equal(302, landing.Status);
        Assert.Equal([server.Url("/a").AbsoluteUri, server.Url("/b").AbsoluteUri, server.Url("/a").AbsoluteUri], landing.Redirects);
        Assert.Contains(page.Notes, n => n.StartsWith("money pages were not looked for: the landing page was not read (redirect loop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endless_distinct_redirects_stop_at_the_limit()
    {
        await using var server = new LoopbackHttpServer((path, stream, ct) =>
            path == "/"
                ? LoopbackHttpServer.RedirectAsync(stream, "/r1", ct)
                : LoopbackHttpServer.RedirectAsync(stream, "/r" + (int.Parse(path[2..], System.Globalization.CultureInfo.InvariantCulture) + 1), ct));

        var page = await CollectAsync(server, Fast with { MaxRedirects = 5, FetchAdsTxt = false });

        Assert.StartsWith("more than 5 redirects; stopped at ", page.Pages[0].Incomplete, StringComparison.Ordinal);
        Assert.Equal(5, page.Pages[0].Redirects!.Count);
    }

    [Fact]
    public async Task A_ten_thousand_deep_page_is_read_whole()
    {
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", 10_000);
        html.Append("<script src=\"https://deep.example/x.js\"></script><a href=\"/donate\">Donate</a>");
        html.Insert(html.Length, "</div>", 10_000);
        var body = html.ToString();
        await using var server = new LoopbackHttpServer((path, stream, ct) => path switch
        {
            "/" => LoopbackHttpServer.RespondAsync(stream, 200, "text/html", body, ct),
            "/donate" => LoopbackHttpServer.RespondAsync(stream, 200, "text/html", body, ct),
            _ => NotFound(stream, ct),
        });

        var page = await CollectAsync(server);

        Assert.Null(page.Pages[0].Incomplete);
        Assert.Equal("donate", page.Pages[1].Purpose);
        Assert.Contains(page.Resources, r => r.Url == "https://deep.example/x.js");
    }

    [Fact]
    public async Task Twenty_thousand_links_are_bounded_and_noted()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 20_000; i++)
        {
            html.Append("<a href=\"https://site").Append(i).Append(".example/\">").Append(i).Append("</a>");
        }

        var body = html.ToString();
        await using var server = new LoopbackHttpServer((path, stream, ct) => path == "/"
            ? LoopbackHttpServer.RespondAsync(stream, 200, "text/html", body, ct)
            : NotFound(stream, ct));

        var page = await CollectAsync(server);

        Assert.Equal(1_000, page.Links.Count);
        Assert.Contains(page.Notes, n => n.Contains("listed the first 5,000 links; 15,000 more were not listed", StringComparison.Ordinal));
        Assert.Contains(page.Notes, n => n == "kept the first 1,000 outbound links; 4,000 more were not kept");
    }

    [Fact]
    public async Task A_slow_body_times_out_and_keeps_what_arrived()
    {
        await using var server = new LoopbackHttpServer(async (path, stream, ct) =>
        {
            if (path != "/")
            {
                await NotFound(stream, ct);
                return;
            }

            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n", ct);
            await LoopbackHttpServer.WriteAsync(stream, "<html><head><script src=\"https://early.example/a.js\"></script></head>", ct);
            await stream.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(200, ct);
                await LoopbackHttpServer.WriteAsync(stream, " ", ct);
                await stream.FlushAsync(ct);
            }
        });

        var page = await CollectAsync(server, Fast with { PageTimeout = TimeSpan.FromSeconds(2) });

        var landing = page.Pages[0];
        Assert.StartsWith("timed out after 2 s; read the first ", landing.Incomplete, StringComparison.Ordinal);
        Assert.True(landing.BytesRead > 0);
        Assert.Contains(page.Resources, r => r.Host == "early.example");
        Assert.Equal(["landing", "ads.txt", "app-ads.txt"], page.Pages.Select(p => p.Purpose));
    }

    [Fact]
    public async Task The_time_budget_marks_every_unread_page()
    {
        await using var server = new LoopbackHttpServer(async (path, stream, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
        });

        var page = await CollectAsync(server, Fast with { PageTimeout = TimeSpan.FromSeconds(30), TotalBudget = TimeSpan.FromSeconds(2) });

        Assert.Equal("the time budget of 2 s ran out", page.Pages[0].Incomplete);
        Assert.Equal(["landing", "ads.txt", "app-ads.txt"], page.Pages.Select(p => p.Purpose));
        Assert.All(page.Pages.Skip(1), p => Assert.Equal("not fetched: the time budget of 2 s ran out", p.Incomplete));
    }

    [Fact]
    public async Task Server_errors_and_refused_connections_are_reasons()
    {
        await using (var server = new LoopbackHttpServer((path, stream, ct) =>
            LoopbackHttpServer.RespondAsync(stream, 500, "text/html", "<html>oops</html>", ct)))
        {
            var page = await CollectAsync(server);
            Assert.Equal("HTTP 500", page.Pages[0].Incomplete);
            Assert.Equal(500, page.Pages[0].Status);
        }

        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var client = LoopbackHttpServer.Client();
        var refused = await new PageCollector(client, Fast).CollectAsync(new Uri($"http://127.0.0.1:{port}/"), cancellationToken: TestTimeout);

        Assert.StartsWith("connection failed: ", refused.Pages[0].Incomplete, StringComparison.Ordinal);
        Assert.Null(refused.Pages[0].Status);
        Assert.Equal(3, refused.Pages.Count);
    }

    [Fact]
    public async Task Pages_beyond_the_page_limit_are_listed_as_not_fetched()
    {
        const string landing = "<html><body><a href=\"/donate\">Donate</a><a href=\"/shop\">Shop</a><a href=\"/subscribe\">Subscribe</a></body></html>";
        await using var server = new LoopbackHttpServer((path, stream, ct) => path switch
        {
            "/" or "/donate" or "/shop" or "/subscribe" => LoopbackHttpServer.RespondAsync(stream, 200, "text/html", landing, ct),
            _ => NotFound(stream, ct),
        });

        var page = await CollectAsync(server, Fast with { MaxPages = 2, FetchAdsTxt = false });

        Assert.Equal(["landing", "donate", "subscribe", "shop"], page.Pages.Select(p => p.Purpose));
        Assert.Null(page.Pages[1].Incomplete);
        Assert.Equal("not fetched: the limit of 2 pages was reached", page.Pages[2].Incomplete);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_thrown_not_recorded()
    {
        await using var server = new LoopbackHttpServer((path, stream, ct) => Task.Delay(Timeout.Infinite, ct));
        using var client = LoopbackHttpServer.Client();
        using var cancel = new CancellationTokenSource();
        var collecting = new PageCollector(client, Fast).CollectAsync(server.Url(), cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting);
    }

    [Fact]
    public void A_har_capture_adds_resources_with_headers_and_a_har_page()
    {
        using var stream = File.OpenRead(SharedFixtures.Path("har", "blooket.com.har"));
        var capture = HarReader.Read(stream);
        var fromHtml = new PageObservation
        {
            Resources = [new PageResource { Url = "https://cdnjs.cloudflare.com/ajax/libs/tsparticles/2.7.0/tsparticles.bundle.min.js", Host = "cdnjs.cloudflare.com", Kind = "script", Blocking = true }],
        };

        var merged = PageCollector.MergeHar(fromHtml, capture);

        var cdnjs = Assert.Single(merged.Resources, r => r.Host == "cdnjs.cloudflare.com");
        Assert.True(cdnjs.Blocking);
        Assert.Equal("cloudflare", cdnjs.Headers!["server"]);
        Assert.Contains(merged.Resources, r => r.Host == "kit.fontawesome.com" && r.FoundOn == "har" && r.Headers!.ContainsKey("cf-ray"));
        Assert.Equal(21, merged.Resources.Count);
        var har = Assert.Single(merged.Pages);
        Assert.Equal("har", har.Purpose);
        Assert.Equal("http://blooket.com/", har.Url);
        Assert.Null(har.Incomplete);
    }
}
