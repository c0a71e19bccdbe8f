using System.Net;
using Chokepoint.Collection.Http;
using Chokepoint.Collection.Session;
using Chokepoint.Collection.Tests.Page;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Tests.Session;

/// <summary>The address policy at work on real sockets: checked on the address connected to, and reported as a gap.</summary>
public sealed class AddressPolicyConnectTests
{
    private static Task Ok(string path, Stream stream, CancellationToken token) =>
        LoopbackHttpServer.RespondAsync(stream, 200, "text/plain", "hello", token);

    [Fact]
    public async Task A_loopback_server_is_refused_under_the_public_internet_policy()
    {
        await using var server = new LoopbackHttpServer(Ok);
        await using var session = new CollectionSession(
            new CollectionSettings { Network = new NetworkProfile { HttpPort = server.Port } },
            null,
            TimeProvider.System);
        using var http = session.CreateHttpClient();

        var fetched = await new HttpCollector(http, TimeProvider.System).CollectAsync(new Uri("http://127.0.0.1/"), CancellationToken.None);

        Assert.Equal(AddressPolicyMode.PublicInternet, session.AddressPolicy.Mode);
        Assert.Null(fetched.Value);
        var gap = Assert.Single(fetched.Unobserved);
        Assert.Equal(GapKind.RefusedByPolicy, gap.Kind);
        Assert.Contains("refused by the address policy: 127.0.0.1 is loopback", gap.Reason, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task A_rebinding_name_is_refused_on_the_connection_after_it_rebinds()
    {
        var allowed = IPAddress.Parse("127.0.0.2");
        var refused = IPAddress.Parse("127.0.0.3");
        await using var server = new LoopbackHttpServer(Ok, allowed);
        await using var dns = new RebindingDnsServer(allowed, refused);
        var settings = new CollectionSettings
        {
            Network = new NetworkProfile { Name = "rebinding-test", Resolver = dns.EndPoint.ToString(), HttpPort = server.Port },
            AddressPolicy = AddressPolicyMode.PublicInternet,
            AddressPolicyExceptions = [dns.EndPoint.Address.ToString(), allowed.ToString()],
        };
        await using var session = new CollectionSession(settings, null, TimeProvider.System);
        using var http = session.CreateHttpClient();
        var collector = new HttpCollector(http, TimeProvider.System);
        var url = new Uri("http://rebind.test/");

        var first = await collector.CollectAsync(url, CancellationToken.None);
        var second = await collector.CollectAsync(url, CancellationToken.None);

        Assert.Equal(200, first.Value?.Status);
        Assert.Equal("127.0.0.2", first.Value?.RemoteAddress);
        Assert.Null(second.Value);
        var gap = Assert.Single(second.Unobserved);
        Assert.Equal(GapKind.RefusedByPolicy, gap.Kind);
        Assert.Contains("refused by the address policy: 127.0.0.3 is loopback", gap.Reason, StringComparison.Ordinal);
        // The name was resolved again for the second connection, and only the first reached the server.
        Assert.Equal(2, dns.AQueries);
        Assert.Equal(1, server.Requests);
    }

    /// <summary>
    /// Under the public-internet policy a simulated world on loopback is refused everywhere but at the resolver the
    /// profile names (the user's own choice, as the system's resolver is): no authoritative server and no RDAP server
    /// receives anything, and the gaps say why.
    /// </summary>
    [Fact]
    public async Task An_audit_of_the_simulation_under_the_public_internet_policy_reaches_only_the_named_resolver_and_says_why()
    {
        await using var internet = await SessionWorld.StartAsync();
        var settings = SessionWorld.Settings(internet) with { AddressPolicy = AddressPolicyMode.PublicInternet };
        await using var session = new CollectionSession(settings, null, TimeProvider.System);

        var site = await session.CollectAsync("onestack-demo.com", new SiteCollectionRequest { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        Assert.All(internet.Dns.Queries.Snapshot().Keys, key => Assert.True(key.Resolver, $"{key.Name} {key.Type} reached an authoritative server"));
        Assert.Empty(internet.Rdap.Requests);
        var rdap = Assert.Single(site.Unobserved, g => g.What == "rdap");
        Assert.Equal(GapKind.RefusedByPolicy, rdap.Kind);
        Assert.Contains(site.Unobserved, g => g.Subject.StartsWith("dns", StringComparison.Ordinal) && g.Kind == GapKind.RefusedByPolicy
            && g.Reason.Contains("refused by the address policy: ", StringComparison.Ordinal) && g.Reason.Contains(" is loopback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_simulation_policy_is_the_default_for_a_simulated_network()
    {
        await using var internet = await SessionWorld.StartAsync();
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        var site = await session.CollectAsync("onestack-demo.com", new SiteCollectionRequest { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        Assert.Equal(AddressPolicyMode.Simulation, session.AddressPolicy.Mode);
        Assert.Empty(site.Unobserved);
    }
}
