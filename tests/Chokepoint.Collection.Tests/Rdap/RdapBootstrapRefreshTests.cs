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
        LoopbackHttpServer? server = null;
        server = new LoopbackHttpServer((path, stream, token) => path == "/bootstrap.json"
            ? Counted(() => Interlocked.Increment(ref bootstraps), LoopbackHttpServer.RespondAsync(
                stream, 200, "application/json", $$"""{"services": [[["test"], ["http://127.0.0.1:{{server!.Port}}/rdap/"]]]}""", token))
            : LoopbackHttpServer.RespondAsync(stream, 200, "application/rdap+json", """{"objectClassName":"domain","ldhName":"example.test"}""", token));
        await using var _ = server;
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

    private static Task Counted(Func<int> count, Task respond)
    {
        count();
        return respond;
    }
}
