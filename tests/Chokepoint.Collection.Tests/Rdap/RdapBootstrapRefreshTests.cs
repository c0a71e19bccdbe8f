using Chokepoint.Collection.Rdap;
using Chokepoint.Collection.Tests.Page;
using Microsoft.Extensions.Time.Testing;

namespace Chokepoint.Collection.Tests.Rdap;

public sealed class RdapBootstrapRefreshTests
{
    [Fact]
    public async Task The_bootstrap_is_fetched_once_and_again_when_older_than_its_max_age()
    {
        var bootstraps = 0;
        await using var server = LoopbackRegistry.Start((_, _, stream, token) => LoopbackRegistry.DomainAsync(stream, token), () => Interlocked.Increment(ref bootstraps));
        using var http = LoopbackHttpServer.Client();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = new RdapClient(http, clock, new RdapClientOptions { BootstrapUrl = server.Url("/bootstrap.json"), BootstrapMaxAge = TimeSpan.FromHours(1) });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.LookupDomainAsync("example.test", CancellationToken.None)));
        clock.Advance(TimeSpan.FromMinutes(59));
        await client.LookupDomainAsync("example.test", CancellationToken.None);
        Assert.Equal(1, bootstraps);

        clock.Advance(TimeSpan.FromMinutes(2));
        var result = await client.LookupDomainAsync("example.test", CancellationToken.None);
        Assert.Equal(2, bootstraps);
        Assert.NotNull(result.Value);
    }

    /// <summary>
    /// Regression: a failed refresh once replaced a good bootstrap with the failure, so every audit after it reported
    /// "RDAP bootstrap unavailable" until the next refresh succeeded.
    /// </summary>
    [Fact]
    public async Task A_failed_refresh_keeps_the_last_good_bootstrap_and_is_tried_again_soon()
    {
        var bootstraps = 0;
        LoopbackHttpServer? server = null;
        await using var registry = server = new LoopbackHttpServer((path, stream, token) =>
            path != "/bootstrap.json"
                ? LoopbackRegistry.DomainAsync(stream, token)
                : Interlocked.Increment(ref bootstraps) == 1
                    ? LoopbackHttpServer.RespondAsync(stream, 200, "application/json", $$"""{"services": [[["test"], ["http://127.0.0.1:{{server!.Port}}/rdap/"]]]}""", token)
                    : LoopbackHttpServer.RespondAsync(stream, 503, "text/plain", "down", token));
        using var http = LoopbackHttpServer.Client();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = new RdapClient(http, clock, new RdapClientOptions { BootstrapUrl = server.Url("/bootstrap.json"), BootstrapMaxAge = TimeSpan.FromHours(1) });

        Assert.NotNull((await client.LookupDomainAsync("example.test", CancellationToken.None)).Value);
        clock.Advance(TimeSpan.FromHours(2));
        var afterFailedRefresh = await client.LookupDomainAsync("example.test", CancellationToken.None);
        var soonAfter = await client.LookupDomainAsync("example.test", CancellationToken.None);
        Assert.Equal(2, bootstraps);
        Assert.NotNull(afterFailedRefresh.Value);
        Assert.Empty(afterFailedRefresh.Unobserved);
        Assert.NotNull(soonAfter.Value);

        clock.Advance(TimeSpan.FromMinutes(6));
        await client.LookupDomainAsync("example.test", CancellationToken.None);
        Assert.Equal(3, bootstraps);
    }
}
