using System.Diagnostics;
using System.Net;
using Chokepoint.Collection.Http;
using Chokepoint.Collection.Session;
using Chokepoint.Collection.Tests.Page;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;

namespace Chokepoint.Collection.Tests.Transport;

/// <summary>The session's per-web-host limits, counted at real loopback servers.</summary>
public sealed class WebHostLimitTests
{
    private static CollectionSettings Settings(ServerLimits limits) => new()
    {
        Network = new() { Name = "web-host-limit-test", Resolver = "127.0.0.1:9" },
        AddressPolicy = AddressPolicyMode.Simulation,
        WebHostLimits = limits,
    };

    private static LoopbackHttpServer Recording(IPAddress address, List<TimeSpan> arrivals, Stopwatch clock, int[] inFlight, int[] most, int holdMs) =>
        LoopbackHttpServer.Answering(
            async (_, stream, ct) =>
            {
                lock (arrivals)
                {
                    arrivals.Add(clock.Elapsed);
                }

                var now = Interlocked.Increment(ref inFlight[0]);
                InterlockedMax(ref most[0], now);
                try
                {
                    await Task.Delay(holdMs, ct);
                    await LoopbackHttpServer.RespondAsync(stream, 200, "text/plain", "ok", ct);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight[0]);
                }
            },
            address);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact]
    public async Task No_host_sees_more_requests_per_second_than_the_limit()
    {
        var arrivals = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var server = Recording(IPAddress.Loopback, arrivals, clock, [0], [0], holdMs: 0);
        await using var session = new CollectionSession(Settings(new ServerLimits(MaxConcurrent: 8, MaxPerSecond: 2)), null, TimeProvider.System);
        using var http = session.CreateHttpClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => http.GetAsync(server.Url())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var times = arrivals.Order().ToList();
        Assert.Equal(6, times.Count);

        // Two permits a second, refilled on the limiter's own tick (one second after the host's first request): the
        // fifth and sixth wait for the second refill, two seconds after the first. Less the first request's own delay
        // in reaching the server, at least a second apart, however loaded the machine.
        Assert.True(times[4] - times[0] >= TimeSpan.FromMilliseconds(950), $"fifth request {(times[4] - times[0]).TotalMilliseconds} ms after the first");
    }

    [Fact]
    public async Task Requests_in_flight_are_bounded_per_host_and_other_hosts_are_not_held_up()
    {
        var clock = Stopwatch.StartNew();
        int[] inFlightA = [0], mostA = [0], inFlightB = [0], mostB = [0], inFlightAll = [0], mostAll = [0];
        var arrivalsA = new List<TimeSpan>();
        var arrivalsB = new List<TimeSpan>();
        await using var a = Recording(IPAddress.Loopback, arrivalsA, clock, inFlightA, mostA, holdMs: 150);
        await using var b = Recording(IPAddress.Parse("127.0.0.2"), arrivalsB, clock, inFlightB, mostB, holdMs: 150);
        await using var session = new CollectionSession(Settings(new ServerLimits(MaxConcurrent: 1, MaxPerSecond: 0)), null, TimeProvider.System);
        using var http = session.CreateHttpClient();

        var requests = Enumerable.Range(0, 4).SelectMany(_ => new[] { http.GetAsync(a.Url()), http.GetAsync(b.Url()) });
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, mostA[0]);
        Assert.Equal(1, mostB[0]);

        // The two hosts were served side by side: B's first request did not wait for all of A's.
        Assert.True(arrivalsB.Min() < arrivalsA.Max(), "the second host waited for the first");
    }

    [Fact]
    public async Task Without_a_limit_the_same_requests_arrive_together()
    {
        var arrivals = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        int[] most = [0];
        await using var server = Recording(IPAddress.Loopback, arrivals, clock, [0], most, holdMs: 300);
        await using var session = new CollectionSession(Settings(new ServerLimits(MaxConcurrent: 32, MaxPerSecond: 0)), null, TimeProvider.System);
        using var http = session.CreateHttpClient();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => http.GetAsync(server.Url())));

        Assert.True(most[0] > 1, "the unlimited session never had two requests in flight");
    }

    [Fact]
    public async Task A_fetch_that_gets_no_turn_at_the_host_is_bounded_by_the_limit_not_a_host_timeout()
    {
        var clock = Stopwatch.StartNew();
        await using var server = Recording(IPAddress.Loopback, [], clock, [0], [0], holdMs: 3000);
        await using var session = new CollectionSession(Settings(new ServerLimits(MaxConcurrent: 1, MaxPerSecond: 0)), null, TimeProvider.System);
        using var http = session.CreateHttpClient();
        var patient = new HttpCollector(http, TimeProvider.System, new HttpCollectorOptions { Timeout = TimeSpan.FromSeconds(2) });
        var collector = new HttpCollector(http, TimeProvider.System, new HttpCollectorOptions { Timeout = TimeSpan.FromMilliseconds(600) });

        // The first fetch holds the host's only permit while the server takes its time; the second never gets a turn.
        var first = patient.CollectAsync(server.Url("/slow"), CancellationToken.None);
        await Task.Delay(100);
        var second = await collector.CollectAsync(server.Url("/waiting"), CancellationToken.None);
        var held = await first;

        Assert.Equal(GapKind.Timeout, Assert.Single(held.Unobserved).Kind);
        var gap = Assert.Single(second.Unobserved);
        Assert.Equal(GapKind.Bounded, gap.Kind);
        Assert.Contains("per-host limit", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_that_cannot_work_are_refused()
    {
        var errors = Settings(new ServerLimits(MaxConcurrent: 0, MaxPerSecond: -1)).Validate();

        Assert.Contains(errors, e => e.Contains("WebHostLimits.maxConcurrent", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("WebHostLimits.maxPerSecond", StringComparison.Ordinal));
    }
}
