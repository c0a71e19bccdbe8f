using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Tests.Web;

public sealed class WebServerTests
{
    [Fact]
    public async Task Https_serves_the_page_with_host_and_page_headers_and_a_chain_to_the_simulated_root()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create());

        using var response = await web.Http.GetAsync("https://shop.test/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<html><body>shop home</body></html>", await response.Content.ReadAsStringAsync());
        Assert.Equal("shopd", response.Headers.GetValues("server").Single());
        Assert.Equal("origin", response.Headers.GetValues("x-served-by").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("", web.Client.LastValidationFailure);
        Assert.Contains("CN=Simulated Trust ECC CA 1", web.Client.LastServerCertificate!.Issuer, StringComparison.Ordinal);
        Assert.Contains("O=Simulated Trust", web.Client.LastServerCertificate.Issuer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_behind_a_cname_into_another_zone_is_served_on_the_cdn_address()
    {
        var world = TestWorld.Create();
        await using var web = await WebHarness.StartAsync(world);

        Assert.Equal([IPAddress.Parse(TestWorld.CdnAddress)], new WebHostAddresses(world).Resolve(TestWorld.WwwHost));
        Assert.Contains(IPAddress.Parse(TestWorld.CdnAddress), web.Server.Addresses);
        using var response = await web.Http.GetAsync("https://www.shop.test/");

        Assert.Equal("<html><body>www via cdn</body></html>", await response.Content.ReadAsStringAsync());
        Assert.Equal("8a1b2c3d4e5f-CDG", response.Headers.GetValues("cf-ray").Single());
    }

    [Fact]
    public async Task Plain_http_redirects_to_https_unless_the_host_says_not_to()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create());

        using var redirected = await web.Http.GetAsync("http://shop.test/ads.txt?x=1");
        using var plain = await web.Http.GetAsync("http://blog.example/");

        Assert.Equal(HttpStatusCode.MovedPermanently, redirected.StatusCode);
        Assert.Equal(new Uri("https://shop.test/ads.txt?x=1"), redirected.Headers.Location);
        Assert.Equal("shopd", redirected.Headers.GetValues("server").Single());
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("blog", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_redirects_unknown_paths_and_unknown_hosts_are_answered()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create());

        using var old = await web.Http.GetAsync("https://shop.test/old");
        using var missing = await web.Http.GetAsync("https://shop.test/nope");
        using var ads = await web.Http.GetAsync("https://shop.test/ads.txt");
        using var unknownHost = new HttpRequestMessage(HttpMethod.Get, $"http://{TestWorld.BlogAddress}:{web.Server.HttpPort}/");
        unknownHost.Headers.Host = "nobody.example";
        using var unknown = await web.Http.SendAsync(unknownHost);

        Assert.Equal(HttpStatusCode.PermanentRedirect, old.StatusCode);
        Assert.Equal("/", old.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("shopd", missing.Headers.GetValues("server").Single());
        Assert.Equal("text/plain", ads.Content.Headers.ContentType?.MediaType);
        Assert.Equal("adnet.example, 123, DIRECT\n", await ads.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Host_header_that_differs_from_the_sni_name_is_misdirected()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Parse(TestWorld.ShopAddress), web.Server.HttpsPort);
        await using var ssl = new SslStream(tcp.GetStream());
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = TestWorld.ShopHost,
            CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { web.Pki.RootCertificate }, RevocationMode = X509RevocationMode.NoCheck },
        });

        var answer = await RawExchangeAsync(ssl, "GET / HTTP/1.1\r\nHost: blog.example\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 421 ", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_for_an_unknown_name_fails()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Parse(TestWorld.ShopAddress), web.Server.HttpsPort);
        await using var ssl = new SslStream(tcp.GetStream());

        await Assert.ThrowsAnyAsync<Exception>(() => ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "unknown.test",
            RemoteCertificateValidationCallback = (_, _, _, _) => false,
        }));
    }

    [Fact]
    public async Task Oversized_request_head_is_refused_with_431_and_garbage_with_400()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create(), limits: new HttpServerLimits { MaxRequestHeadBytes = 1024 });

        var big = await RawHttpAsync(web, $"GET / HTTP/1.1\r\nHost: blog.example\r\nX-Big: {new string('a', 4096)}\r\n\r\n");
        var garbage = await RawHttpAsync(web, "HELLO\r\n\r\n");
        var chunkedUpload = await RawHttpAsync(web, "POST / HTTP/1.1\r\nHost: blog.example\r\nTransfer-Encoding: chunked\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", big, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 400 ", garbage, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 501 ", chunkedUpload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_alive_serves_several_requests_on_one_connection_and_head_has_no_body()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create());

        var answer = await RawHttpAsync(web,
            "HEAD / HTTP/1.1\r\nHost: blog.example\r\n\r\nGET / HTTP/1.1\r\nHost: blog.example\r\nConnection: close\r\n\r\n");

        Assert.Equal(2, answer.Split("HTTP/1.1 200 OK").Length - 1);
        Assert.EndsWith("\r\n\r\nblog", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_over_the_limit_are_closed()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create(), limits: new HttpServerLimits { MaxConnections = 2 });
        var address = IPAddress.Parse(TestWorld.BlogAddress);
        using var first = new TcpClient();
        using var second = new TcpClient();
        await first.ConnectAsync(address, web.Server.HttpPort);
        await second.ConnectAsync(address, web.Server.HttpPort);
        await WaitUntilAcceptedAsync(web, first);
        await WaitUntilAcceptedAsync(web, second);

        using var third = new TcpClient();
        await third.ConnectAsync(address, web.Server.HttpPort);
        var read = await ReadOrResetAsync(third.GetStream());

        Assert.Equal(0, read);
    }

    [Fact]
    public async Task Dispose_frees_every_address_and_port()
    {
        var web = await WebHarness.StartAsync(TestWorld.Create());
        var addresses = web.Server.Addresses;
        var ports = new[] { web.Server.HttpPort, web.Server.HttpsPort };
        using (var response = await web.Http.GetAsync("https://shop.test/"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await web.DisposeAsync();

        Assert.Equal(3, addresses.Count);
        foreach (var address in addresses)
        {
            foreach (var port in ports)
            {
                var listener = new TcpListener(address, port);
                listener.Start();
                listener.Stop();
            }
        }
    }

    [Fact]
    public async Task Dispose_ends_a_connection_that_is_streaming_an_endless_body()
    {
        var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("web:blog.example", FaultKinds.EndlessBody, delayMs: 20));
        using var response = await web.Http.GetAsync("http://blog.example/", HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1024];
        Assert.True(await body.ReadAsync(buffer) > 0);

        await web.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }

            throw new InvalidOperationException("the body ended cleanly");
        });
    }

    internal static async Task<string> RawHttpAsync(WebHarness web, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Parse(TestWorld.BlogAddress), web.Server.HttpPort);
        return await RawExchangeAsync(tcp.GetStream(), request);
    }

    private static async Task<string> RawExchangeAsync(Stream stream, string request)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(timeout.Token);
    }

    private static async Task WaitUntilAcceptedAsync(WebHarness web, TcpClient client)
    {
        // A request answered on the connection proves the server accepted it and holds it open.
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: blog.example\r\n\r\n"u8.ToArray());
        var buffer = new byte[4096];
        var text = "";
        while (!text.EndsWith("blog", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            Assert.True(read > 0, "the server closed a connection within the limit");
            text += Encoding.UTF8.GetString(buffer, 0, read);
        }

        Assert.StartsWith("HTTP/1.1 200", text, StringComparison.Ordinal);
        _ = web;
    }

    private static async Task<int> ReadOrResetAsync(Stream stream)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await stream.ReadAsync(new byte[16], timeout.Token);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
