using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.Web;
using Chokepoint.Simulation.World;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// Without a HAR, the page collection asks each third-party host the pages load from for its response headers, and
/// the CDN they name is what that host relies on, as with a HAR. Audited on the simulated internet.
/// </summary>
public sealed class ThirdPartyProbeTests
{
    private const string Site = "saltmarsh-journal.com";

    private static async Task<AuditOutcome> AuditAsync(Action<World>? change = null, TimeSpan? budget = null)
    {
        var world = DemoWorld.Load();
        change?.Invoke(world);
        await using var internet = await SimulatedInternet.StartAsync(world);
        using var engine = new ChokepointEngine(
            new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10), SiteBudget = budget ?? TimeSpan.FromSeconds(30) },
            Data.EngineDataSets.Load(Data.DataDirectory.Locate(), internet.Profile.AsnDatabase));
        return await engine.AuditAsync(Site);
    }

    private static LayerReport Layer(AuditReport report, Layer layer) => report.Layers.Single(l => l.Layer == layer);

    private static Dependency UserOf(AuditReport report, string host) =>
        Assert.Single(report.Layers.Where(l => l.Layer is Model.Layer.Page or Model.Layer.Money).SelectMany(l => l.Dependencies),
            d => d.Facts?.PageUses?.Any(use => use.Host == host) == true);

    private static string? CdnOf(AuditReport report, string host) =>
        UserOf(report, host).DependsOn.SingleOrDefault(d => d.Service == ServiceKind.Cdn) is { } cdn ? (cdn.Owner ?? cdn.Entity).Id : null;

    private static void SetLandingBody(World world, string html) =>
        world.WebHosts.Single(h => h.Host == Site).Pages.Single(p => p.Path == "/").Body = html;

    [Fact]
    public async Task Saltmarsh_journal_without_a_har_gets_cloudfront_for_its_script_host_and_fastly_for_its_image_host()
    {
        var (observations, report) = await AuditAsync();

        Assert.Equal("amazon", CdnOf(report, "cdn.widgetbay-demo.net"));
        Assert.Equal("fastly", CdnOf(report, "img.picshelf-demo.com"));
        var cloudfront = Assert.Single(UserOf(report, "cdn.widgetbay-demo.net").DependsOn, d => d.Service == ServiceKind.Cdn);
        Assert.Contains(cloudfront.Facts?.Hosts ?? [], use => use.Host == "cdn.widgetbay-demo.net" && use.Header is not null);

        var page = observations.Page!;
        Assert.All(page.Probes, probe => Assert.Equal(("HEAD", 200), (probe.Method, probe.Status)));
        Assert.Equal(["cdn.widgetbay-demo.net", "img.picshelf-demo.com"], page.Probes.Select(p => p.Host));
        Assert.All(page.Resources, r => Assert.Equal("probe", r.HeadersFrom));
        Assert.DoesNotContain(observations.Unobserved, gap => gap.Subject == GapKeys.PageProbe);

        // The third parties' CDNs are not the site's: it is served from DigitalOcean with no CDN.
        Assert.Empty(Layer(report, Model.Layer.Cdn).Dependencies);
    }

    [Fact]
    public async Task A_third_party_host_that_times_out_or_refuses_is_a_gap_for_that_host_never_a_host_without_a_cdn()
    {
        var (observations, report) = await AuditAsync(world =>
        {
            // The script host answers after the probe's time (a quarter of an 8 s budget: 2 s); a frame host has an
            // address where nothing listens.
            world.Faults.Add(new Fault { Target = "web:cdn.widgetbay-demo.net", Kind = FaultKinds.Delay, DelayMs = 4000 });
            world.Zones.Single(z => z.Name == "widgetbay-demo.net").Records.Add(new ResourceRecord { Name = "embed", Type = "A", Data = "127.16.0.99" });
            SetLandingBody(world, """
                <!doctype html><html><head><script src="https://cdn.widgetbay-demo.net/embed.js"></script></head>
                <body><iframe src="https://embed.widgetbay-demo.net/frame"></iframe><img src="https://img.picshelf-demo.com/cover.jpg"></body></html>
                """);
        }, budget: TimeSpan.FromSeconds(8));

        var gaps = Layer(report, Model.Layer.Page).Unobserved.Where(item => item.Subject == GapKeys.PageProbe).ToList();
        var timeout = Assert.Single(gaps, item => item.Target == "cdn.widgetbay-demo.net");
        Assert.Equal("timeout", timeout.Kind);
        Assert.Equal("timed out after 2 s", timeout.Reason);
        var refused = Assert.Single(gaps, item => item.Target == "embed.widgetbay-demo.net");
        Assert.Equal("refused", refused.Kind);
        Assert.Equal(2, gaps.Count);
        Assert.DoesNotContain(Layer(report, Model.Layer.Page).Absent, item => item.Text.Contains("picshelf", StringComparison.Ordinal) || item.Text.Contains("widgetbay", StringComparison.Ordinal));

        // The hosts are still seen as what the page loads; only their CDN is unseen, and the one that answered has its.
        Assert.Same(UserOf(report, "cdn.widgetbay-demo.net"), UserOf(report, "embed.widgetbay-demo.net"));
        Assert.Null(CdnOf(report, "cdn.widgetbay-demo.net"));
        Assert.Equal("fastly", CdnOf(report, "img.picshelf-demo.com"));
        Assert.Contains(observations.Unobserved, gap => gap is { Subject: GapKeys.PageProbe, Target: "cdn.widgetbay-demo.net", Kind: GapKind.Timeout });
    }

    [Fact]
    public async Task A_page_that_loads_from_thirty_hosts_probes_the_first_twelve_and_says_the_rest_were_not_probed()
    {
        var hosts = Enumerable.Range(1, 30).Select(i => $"h{i}.picshelf-demo.com").ToList();
        var (observations, report) = await AuditAsync(world => SetLandingBody(world,
            "<!doctype html><html><body>" + string.Concat(hosts.Select(h => $"<img src=\"https://{h}/a.png\">")) + "</body></html>"));

        var probes = observations.Page!.Probes;
        Assert.Equal(hosts, probes.Select(p => p.Host));
        Assert.Equal(hosts.Take(12), probes.Where(p => p.Method is not null).Select(p => p.Host));
        Assert.All(probes.Skip(12), p => Assert.Equal((null, GapKind.Bounded), (p.Method, p.GapKind)));

        var limit = Assert.Single(Layer(report, Model.Layer.Page).Unobserved, item => item is { Subject: GapKeys.PageProbe, Target: null });
        Assert.Equal("bounded", limit.Kind);
        Assert.StartsWith("probe limit: the CDN of 18 more third-party hosts was not looked for (the first 12 were probed): h13.picshelf-demo.com, ", limit.Reason, StringComparison.Ordinal);
    }
}
