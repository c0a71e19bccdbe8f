using System.Net;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Tests.Web;

public sealed class WebFaultTests
{
    [Fact]
    public async Task Http_500_fault_answers_500_with_the_host_headers()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("web:shop.test", FaultKinds.Http500));

        using var faulted = await web.Http.GetAsync("https://shop.test/");
        using var other = await web.Http.GetAsync("https://www.shop.test/");

        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Equal("shopd", faulted.Headers.GetValues("server").Single());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Star_fault_applies_to_every_host()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("*", FaultKinds.Http500));

        using var shop = await web.Http.GetAsync("https://shop.test/");
        using var blog = await web.Http.GetAsync("https://blog.example/");

        Assert.Equal(HttpStatusCode.InternalServerError, shop.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, blog.StatusCode);
    }

    [Fact]
    public async Task Delay_fault_holds_the_answer_back()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("web:blog.example", FaultKinds.Delay, delayMs: 20_000));
        using var impatient = web.NewClient();
        impatient.Http.Timeout = TimeSpan.FromMilliseconds(300);

        // The undelayed host answers on a patient client: under a loaded machine a first TLS handshake can take
        // longer than the impatient client's 300 ms, which says nothing about the fault.
        using var undelayed = await web.Http.GetAsync("https://shop.test/");
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.Http.GetAsync("https://blog.example/"));

        Assert.Equal(HttpStatusCode.OK, undelayed.StatusCode);
    }

    [Fact]
    public async Task Slow_body_fault_delivers_the_whole_page_slowly()
    {
        var world = TestWorld.Create().WithFault("web:shop.test", FaultKinds.SlowBody, delayMs: 10);
        await using var web = await WebHarness.StartAsync(world);
        using var impatient = web.NewClient();
        impatient.Http.Timeout = TimeSpan.FromMilliseconds(30);

        using var response = await web.Http.GetAsync("https://shop.test/long");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(world.WebHosts[0].Pages[3].Body, body);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.Http.GetStringAsync("https://shop.test/long"));
    }

    [Fact]
    public async Task Endless_body_fault_streams_chunks_until_the_client_goes_and_the_server_carries_on()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("web:shop.test", FaultKinds.EndlessBody));

        long total = 0;
        using (var response = await web.Http.GetAsync("https://shop.test/", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Null(response.Content.Headers.ContentLength);
            Assert.True(response.Headers.TransferEncodingChunked);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            while (total < 4 * 1024 * 1024)
            {
                var read = await body.ReadAsync(buffer);
                Assert.True(read > 0, "the endless body ended");
                total += read;
            }
        }

        using var next = await web.Http.GetAsync("https://www.shop.test/");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(total >= 4 * 1024 * 1024);
    }

    [Fact]
    public async Task Redirect_loop_fault_alternates_between_two_urls_forever()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("web:shop.test", FaultKinds.RedirectLoop));
        using var following = web.NewClient(followRedirects: true, maxRedirects: 7);

        using var first = await web.Http.GetAsync("https://shop.test/a");
        using var second = await web.Http.GetAsync(first.Headers.Location!);
        using var followed = await following.Http.GetAsync("https://shop.test/a");

        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Equal(new Uri("https://shop.test/a?loop=1"), first.Headers.Location);
        Assert.Equal(new Uri("https://shop.test/a"), second.Headers.Location);
        Assert.Equal(HttpStatusCode.Found, followed.StatusCode);
    }

    [Fact]
    public async Task Oversized_page_fault_streams_fifty_megabytes()
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("web:blog.example", FaultKinds.OversizedPage));

        using var response = await web.Http.GetAsync("https://blog.example/", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(50L * 1024 * 1024, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[256 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(50L * 1024 * 1024, total);
    }

    [Theory]
    [InlineData(FaultKinds.CertWrongName, "name mismatch")]
    [InlineData(FaultKinds.CertExpired, "NotTimeValid")]
    [InlineData(FaultKinds.CertUntrusted, "PartialChain")]
    public async Task Certificate_faults_fail_validation_against_the_simulated_root(string kind, string failure)
    {
        await using var web = await WebHarness.StartAsync(TestWorld.Create().WithFault("web:shop.test", kind));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => web.Http.GetAsync("https://shop.test/"));
        var refusal = web.Client.LastValidationFailure;
        using var healthy = web.NewClient();
        using var other = await healthy.Http.GetAsync("https://www.shop.test/");

        Assert.NotNull(exception.InnerException);
        Assert.Contains(failure, refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("", healthy.LastValidationFailure);
    }

    [Fact]
    public async Task Faults_added_while_running_take_effect()
    {
        var world = TestWorld.Create();
        await using var web = await WebHarness.StartAsync(world);
        using var before = await web.Http.GetAsync("https://blog.example/");

        world.WithFault("web:blog.example", FaultKinds.Http500);
        using var fresh = web.NewClient();
        using var after = await fresh.Http.GetAsync("https://blog.example/");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, after.StatusCode);
    }
}
