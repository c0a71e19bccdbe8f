using System.Diagnostics;
using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Session;
using Chokepoint.Collection.Transport;
using Chokepoint.Simulation.Dns.Wire;
using DnsClient;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Session;

public sealed class CollectionSessionTests(ITestOutputHelper output)
{
    private static readonly SiteCollectionRequest Request = new() { Timeout = TimeSpan.FromSeconds(15) };

    [Fact]
    public async Task Concurrent_audits_fetch_the_bootstrap_once_and_see_what_one_shot_audits_see()
    {
        await using var internet = await SessionWorld.StartAsync();
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        var shared = await Task.WhenAll(SessionWorld.Sites.Select(site => session.CollectAsync(site, Request, CancellationToken.None)));

        Assert.Equal(1, internet.Rdap.BootstrapRequests);
        foreach (var site in shared)
        {
            var alone = await new AuditCollector(TimeProvider.System).CollectAsync(site.Domain, internet.Profile, new CollectionOptions { Timeout = Request.Timeout, DnsQueryTimeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
            Assert.Equal(SessionWorld.Facts(alone), SessionWorld.Facts(site));
        }

        Assert.Equal(1 + SessionWorld.Sites.Length, internet.Rdap.BootstrapRequests);
    }

    [Fact]
    public async Task A_second_audit_of_a_site_is_answered_from_the_cache()
    {
        await using var internet = await SessionWorld.StartAsync();
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);
        var first = await session.CollectAsync("onestack-demo.com", Request, CancellationToken.None);
        Assert.Empty(first.Unobserved);

        // Exchanges live on the session, not the audit: a question that lost a race (a second TLD server asked for
        // the same referral) may still reach its server after the first audit returned. Wait until nothing more arrives.
        await internet.Dns.Queries.WhenQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        var before = internet.Dns.Queries.SnapshotByServer();

        var second = await session.CollectAsync("onestack-demo.com", Request, CancellationToken.None);
        var after = internet.Dns.Queries.SnapshotByServer();


        Assert.Equal(1, internet.Dns.Queries.AtResolver("onestack-demo.com", DnsRecordType.A));
        // Not one question of the first audit reached the same server again: TLD referrals, the provider's zone, the
        // site's own names. (Counted per server: the first TLD server to refer wins a race, so a later audit may ask a
        // server the first one never reached.)
        Assert.True(before.Count > 20);
        Assert.Empty(before.Where(asked => after[asked.Key] != asked.Value).Select(asked => $"{asked.Key} asked again"));
        Assert.Equal(SessionWorld.Facts(first), SessionWorld.Facts(second));
    }

    [Fact]
    public async Task Sites_of_one_tld_share_the_tld_nameserver_lookups()
    {
        await using var internet = await SessionWorld.StartAsync();
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        await session.CollectAsync("onestack-demo.com", Request, CancellationToken.None);
        await internet.Dns.Queries.WhenQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        var afterOne = internet.Dns.Queries.Snapshot();
        await session.CollectAsync("twodns-demo.com", Request, CancellationToken.None);
        var afterTwo = internet.Dns.Queries.Snapshot();

        var sharedQuestions = afterOne.Keys.Where(k => !k.Name.Contains("onestack", StringComparison.Ordinal)).ToList();
        output.WriteLine(string.Join("\n", sharedQuestions.Select(k => $"{k} {afterOne[k]} -> {afterTwo.GetValueOrDefault(k)}")));
        Assert.Contains(sharedQuestions, k => k.Name == "com");
        Assert.All(sharedQuestions.Where(k => k.Name == "com"), k => Assert.Equal(afterOne[k], afterTwo[k]));
    }

    [Fact]
    public async Task An_answer_is_asked_again_after_its_ttl_and_the_cache_stays_bounded()
    {
        await using var internet = await SessionWorld.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var session = new CollectionSession(SessionWorld.Settings(internet) with { DnsCacheSize = 3 }, null, clock);

        var answer = await session.Dns.QueryAsync("onestack-demo.com", QueryType.A, CancellationToken.None);
        await session.Dns.QueryAsync("onestack-demo.com", QueryType.A, CancellationToken.None);
        Assert.Equal(1, internet.Dns.Queries.AtResolver("onestack-demo.com", DnsRecordType.A));

        var ttl = answer.Response!.Answers.Min(r => r.InitialTimeToLive);
        Assert.True(ttl > 1);
        clock.Advance(TimeSpan.FromSeconds(ttl - 1));
        await session.Dns.QueryAsync("onestack-demo.com", QueryType.A, CancellationToken.None);
        Assert.Equal(1, internet.Dns.Queries.AtResolver("onestack-demo.com", DnsRecordType.A));
        clock.Advance(TimeSpan.FromSeconds(2));
        await session.Dns.QueryAsync("onestack-demo.com", QueryType.A, CancellationToken.None);
        Assert.Equal(2, internet.Dns.Queries.AtResolver("onestack-demo.com", DnsRecordType.A));

        foreach (var site in SessionWorld.Sites)
        {
            await session.Dns.QueryAsync(site, QueryType.SOA, CancellationToken.None);
            Assert.InRange(session.Dns.CachedAnswers, 1, 3);
        }

        // The least recently used answer was evicted: asking it again goes to the server.
        await session.Dns.QueryAsync("onestack-demo.com", QueryType.A, CancellationToken.None);
        Assert.Equal(3, internet.Dns.Queries.AtResolver("onestack-demo.com", DnsRecordType.A));
    }

    [Fact]
    public async Task A_negative_answer_is_kept_for_the_soa_minimum()
    {
        await using var internet = await SessionWorld.StartAsync();
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        var first = await session.Dns.QueryAsync("missing.onestack-demo.com", QueryType.A, CancellationToken.None);
        await session.Dns.QueryAsync("missing.onestack-demo.com", QueryType.A, CancellationToken.None);

        Assert.True(first.NameDoesNotExist);
        Assert.Equal(1, internet.Dns.Queries.AtResolver("missing.onestack-demo.com", DnsRecordType.A));
    }

    [Fact]
    public async Task A_failure_is_not_cached_beyond_the_exchange()
    {
        await using var internet = await SessionWorld.StartAsync(new Simulation.World.Fault { Target = "dns:broken.onestack-demo.com", Kind = "servfail" });
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        var first = await session.Dns.QueryAsync("broken.onestack-demo.com", QueryType.A, CancellationToken.None);
        await session.Dns.QueryAsync("broken.onestack-demo.com", QueryType.A, CancellationToken.None);

        Assert.Equal("SERVFAIL", first.Failure);
        Assert.Equal(2, internet.Dns.Queries.AtResolver("broken.onestack-demo.com", DnsRecordType.A));
    }

    [Fact]
    public async Task One_callers_cancellation_does_not_fail_another_callers_shared_query()
    {
        await using var internet = await SessionWorld.StartAsync(new Simulation.World.Fault { Target = "dns:onestack-demo.com", Kind = "delay", DelayMs = 800 });
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);
        var impatient = session.Dns.CreateScope();
        var patient = session.Dns.CreateScope();
        using var cancel = new CancellationTokenSource();

        var cancelled = impatient.QueryAsync("onestack-demo.com", QueryType.A, cancel.Token);
        var waiting = patient.QueryAsync("onestack-demo.com", QueryType.A, CancellationToken.None);
        await Task.Delay(100);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var answer = await waiting;
        Assert.True(answer.Succeeded, answer.Failure);
        Assert.NotEmpty(Collection.Dns.DnsLookup.Addresses(answer));
        Assert.Equal(1, internet.Dns.Queries.AtResolver("onestack-demo.com", DnsRecordType.A));
    }

    [Fact]
    public async Task One_audits_cancellation_does_not_fail_a_concurrent_audit()
    {
        await using var internet = await SessionWorld.StartAsync(new Simulation.World.Fault { Target = "*", Kind = "delay", DelayMs = 300 });
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var cancelled = session.CollectAsync("onestack-demo.com", Request, cancel.Token);
        var finished = session.CollectAsync("onestack-demo.com", Request, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var site = await finished;
        Assert.Empty(site.Unobserved);
        Assert.NotNull(site.Dns);
    }

    [Fact]
    public async Task An_audit_of_a_demo_site_produces_a_span_per_probe()
    {
        await using var internet = await SessionWorld.StartAsync();
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CollectionTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await session.CollectAsync("dailyledger-news.com", Request with { CollectPage = true }, CancellationToken.None);

        var mine = spans.Where(s => s.Tags.Any(t => t.Value?.Contains("dailyledger-news.com", StringComparison.Ordinal) == true) || s.OperationName == CollectionTelemetry.RdapFetch).ToList();
        Assert.Contains(mine, s => s.OperationName == CollectionTelemetry.DnsQuery
            && s.GetTagItem("dns.name") as string == "dailyledger-news.com" && s.GetTagItem("dns.type") is "A" or "SOA" or "NS"
            && s.GetTagItem("dns.outcome") is "NOERROR" && s.GetTagItem("dns.server") is string);
        Assert.Contains(mine, s => s.OperationName == CollectionTelemetry.RdapFetch && s.GetTagItem("http.response.status_code") is 200
            && (s.GetTagItem("url.full") as string)!.EndsWith("/domain/dailyledger-news.com", StringComparison.Ordinal));
        Assert.Contains(mine, s => s.OperationName == CollectionTelemetry.TlsHandshake
            && s.GetTagItem("server.address") as string == "dailyledger-news.com" && s.GetTagItem("network.peer.address") is string);
        Assert.Contains(mine, s => s.OperationName == CollectionTelemetry.HttpFetch
            && s.GetTagItem("url.full") as string == "https://dailyledger-news.com/" && s.GetTagItem("http.response.status_code") is int);
    }

    [Fact]
    public void Settings_survive_a_json_round_trip()
    {
        var settings = new CollectionSettings
        {
            Network = new() { Name = "lab", Resolver = "127.0.0.1:5353" },
            AddressPolicy = AddressPolicyMode.Unrestricted,
            AddressPolicyExceptions = ["10.0.0.53"],
            DnsServerLimits = new(8, 100),
            DnsQueryTimeout = TimeSpan.FromSeconds(2),
        };

        var json = System.Text.Json.JsonSerializer.Serialize(settings);
        var read = System.Text.Json.JsonSerializer.Deserialize<CollectionSettings>(json)!;

        Assert.Contains("\"Unrestricted\"", json, StringComparison.Ordinal);
        Assert.Equal(settings.Network, read.Network);
        Assert.Equal(AddressPolicyMode.Unrestricted, read.AddressPolicy);
        Assert.Equal(["10.0.0.53"], read.AddressPolicyExceptions);
        Assert.Equal(settings.DnsServerLimits, read.DnsServerLimits);
        Assert.Equal(settings.DnsQueryTimeout, read.DnsQueryTimeout);
        Assert.Empty(read.Validate());
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_every_reason()
    {
        var settings = new CollectionSettings
        {
            Network = new() { Resolver = "not-an-address", DnsPort = 70_000, RdapBootstrap = "bootstrap/dns.json" },
            DnsQueryTimeout = TimeSpan.Zero,
            AddressPolicyExceptions = ["somewhere"],
            RdapServerLimits = new(0, 1),
        };

        var errors = settings.Validate();

        Assert.Empty(new CollectionSettings().Validate());
        Assert.Contains(errors, e => e.Contains("network.resolver", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("network.dnsPort 70000 is out of range", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("not an absolute http or https URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DnsQueryTimeout must be positive", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("\"somewhere\" is not an IP address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RdapServerLimits.maxConcurrent", StringComparison.Ordinal));
        var thrown = Assert.Throws<ArgumentException>(() => new CollectionSession(settings, null, TimeProvider.System));
        Assert.Contains("network.resolver", thrown.Message, StringComparison.Ordinal);
    }
}
