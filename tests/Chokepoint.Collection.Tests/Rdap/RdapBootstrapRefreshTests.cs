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
}
