using System.Diagnostics;
using System.Globalization;
using Chokepoint.Collection.Rdap;
using Chokepoint.Collection.Tests.Page;

namespace Chokepoint.Collection.Tests.Rdap;

/// <summary>An RDAP 429 is waited out when its Retry-After is short and fits in the budget, and is a gap otherwise.</summary>
public sealed class RdapRateLimitTests
{
    /// <summary>A registry answering its first <paramref name="limited"/> domain requests with 429 and the given Retry-After.</summary>
    private static LoopbackHttpServer Registry(int limited, Func<string> retryAfter) =>
        LoopbackRegistry.Start((path, request, stream, token) => path != LoopbackRegistry.DomainPath
            ? LoopbackHttpServer.RespondAsync(stream, 404, "text/plain", "no", token)
            : request <= limited
                ? LoopbackHttpServer.RespondAsync(stream, 429, "application/json", "{}", token, $"Retry-After: {retryAfter()}\r\n")
                : LoopbackRegistry.DomainAsync(stream, token));

    private static RdapClient Client(LoopbackHttpServer server, HttpClient http) =>
        new(http, TimeProvider.System, new RdapClientOptions { BootstrapUrl = server.Url("/bootstrap.json"), MaxRetryAfter = TimeSpan.FromSeconds(5) });

    [Fact]
    public async Task A_429_with_retry_after_in_seconds_is_tried_again()
    {
        await using var server = Registry(limited: 1, () => "1");
        using var http = LoopbackHttpServer.Client();
        var stopwatch = Stopwatch.StartNew();

        var result = await Client(server, http).LookupDomainAsync("example.test", DateTimeOffset.UtcNow.AddSeconds(10), CancellationToken.None);

        Assert.Empty(result.Unobserved);
        Assert.NotNull(result.Value);
        Assert.Equal(3, server.Requests);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_429_with_retry_after_as_an_http_date_is_tried_again()
    {
        await using var server = Registry(limited: 1, () => DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture));
        using var http = LoopbackHttpServer.Client();

        var result = await Client(server, http).LookupDomainAsync("example.test", DateTimeOffset.UtcNow.AddSeconds(10), CancellationToken.None);

        Assert.NotNull(result.Value);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A_wait_past_the_budget_is_a_gap_at_once()
    {
        await using var server = Registry(limited: 1, () => "3");
        using var http = LoopbackHttpServer.Client();
        var stopwatch = Stopwatch.StartNew();

        var result = await Client(server, http).LookupDomainAsync("example.test", DateTimeOffset.UtcNow.AddSeconds(2), CancellationToken.None);

        Assert.Null(result.Value);
        Assert.Equal("rate limited (retry after 3 s)", Assert.Single(result.Unobserved).Reason);
        Assert.Equal(2, server.Requests);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"waited {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_wait_longer_than_the_cap_is_a_gap_and_retries_are_bounded()
    {
        await using var longWait = Registry(limited: 1, () => "60");
        await using var persistent = Registry(limited: int.MaxValue, () => "0");
        using var http = LoopbackHttpServer.Client();

        var capped = await Client(longWait, http).LookupDomainAsync("example.test", deadline: null, CancellationToken.None);
        var bounded = await Client(persistent, http).LookupDomainAsync("example.test", deadline: null, CancellationToken.None);

        Assert.Equal("rate limited (retry after 60 s)", Assert.Single(capped.Unobserved).Reason);
        Assert.Equal(2, longWait.Requests);
        Assert.Equal("rate limited", Assert.Single(bounded.Unobserved).Reason);
        Assert.Equal(1 + 1 + new RdapClientOptions().MaxRateLimitRetries, persistent.Requests);
    }

    /// <summary>
    /// Regression: a Retry-After held only for the request that received it; every other audit of the session kept
    /// asking the rate-limited registry and was refused again.
    /// </summary>
    [Fact]
    public async Task A_retry_after_holds_for_every_request_to_that_server()
    {
        await using var server = Registry(limited: 1, () => "2");
        using var http = LoopbackHttpServer.Client();
        var client = Client(server, http);

        // The first lookup meets the 429 and has no time to wait; the second, started at once, waits out the same
        // Retry-After before asking, so the registry sees no second refused request.
        var first = await client.LookupDomainAsync("example.test", DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        var second = await client.LookupDomainAsync("example.test", DateTimeOffset.UtcNow.AddSeconds(10), CancellationToken.None);

        Assert.Null(first.Value);
        Assert.NotNull(second.Value);
        Assert.Equal(3, server.Requests);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(1.5), $"asked again after {stopwatch.Elapsed}");
    }
}
