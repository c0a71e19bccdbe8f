using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Chokepoint.Collection.Dns;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;
using DnsClient;

namespace Chokepoint.Collection.Tests.Dns;

/// <summary>
/// Regression: the query's own timeout started before it waited for its turn under the per-server limit, so a
/// query that spent its time in our queue was reported as the server timing out.
/// </summary>
public sealed class DnsServerLimitTests
{
    [Fact]
    public async Task A_query_that_gets_no_turn_at_the_server_is_bounded_by_the_limit_not_a_server_timeout()
    {
        // A UDP socket on loopback that never answers (and is never reached: the query gets no turn).
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.LocalEndPoint!).Port;
        using var limiter = PartitionedRateLimiter.Create<string, string>(server => RateLimitPartition.GetConcurrencyLimiter(
            server, _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 10, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
        var profile = new NetworkProfile { Resolver = $"127.0.0.1:{port}", DnsPort = port, Name = "limit-test" };
        var dns = new DnsLookup(profile, TimeProvider.System, TimeSpan.FromMilliseconds(700), new DnsLookupOptions { ServerLimiter = limiter });

        // The server's only permit is held here for the whole query, so the query never gets its turn.
        using var held = await limiter.AcquireAsync($"dns 127.0.0.1:{port}");
        Assert.True(held.IsAcquired);

        var waited = await dns.QueryServerAsync(IPAddress.Loopback, "c.example", QueryType.A, CancellationToken.None);

        Assert.Equal(GapKind.Bounded, waited.FailureKind);
        Assert.Contains("per-server limit", waited.Failure, StringComparison.Ordinal);
    }
}
