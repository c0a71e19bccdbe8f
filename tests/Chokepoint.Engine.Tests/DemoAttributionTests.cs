using System.Text;
using System.Text.Json;
using Chokepoint.Collection.Page;
using Chokepoint.Model;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// The demo sites made for attribution against the real world, audited on the simulated internet: a brand across
/// TLDs is one company, nameservers under the site's older brand are its own, third-party hosts are seen behind
/// their CDNs.
/// </summary>
public sealed class DemoAttributionTests : IAsyncLifetime
{
    private SimulatedInternet internet = null!;
    private ChokepointEngine engine = null!;

    public async Task InitializeAsync()
    {
        internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        engine = new ChokepointEngine(new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) }, Data.EngineDataSets.Load(Data.DataDirectory.Locate(), internet.Profile.AsnDatabase));
    }

    public async Task DisposeAsync()
    {
        engine.Dispose();
        await internet.DisposeAsync();
    }

    private static LayerReport Layer(AuditReport report, Layer layer) => report.Layers.Single(l => l.Layer == layer);

    [Fact]
    public async Task Nameservers_of_one_brand_under_net_and_co_uk_are_one_company_that_alone_can_break_name_resolution()
    {
        var (_, report) = await engine.AuditAsync("meadowlark-demo.com");

        var dns = Assert.Single(Layer(report, Model.Layer.Dns).Dependencies);
        Assert.True(dns.Entity.IsUnknown);
        Assert.Equal("kestrelhost.net + kestrelhost.co.uk", dns.Entity.Name);
        Assert.False(dns.Redundant);
        Assert.Contains(dns.Evidence, e => e.Signal == "same-operator" && e.Rule == "brand-label=kestrelhost");
        var chokepoint = Assert.Single(report.Chokepoints, c => c.Entity.Id == dns.Entity.Id);
        Assert.Contains("name-resolves", chokepoint.Functions);
    }

    [Fact]
    public async Task Nameservers_under_the_older_brand_tied_by_the_soa_are_the_sites_own()
    {
        var (observations, report) = await engine.AuditAsync("brightpath-demo.com");

        // The certificate names only the new brand: the SOA is what ties the old brand's nameservers to the site.
        Assert.DoesNotContain(observations.Tls.SelectMany(t => t.Chain.Take(1)).SelectMany(c => c.SubjectAlternativeNames), n => n.Contains("lumencorp", StringComparison.Ordinal));
        var dns = Assert.Single(Layer(report, Model.Layer.Dns).Dependencies);
        Assert.Equal(Classification.Private, dns.Classification);
        Assert.Equal("self:brightpath-demo.com", dns.Entity.Id);
        Assert.DoesNotContain(report.Layers.SelectMany(l => l.Dependencies), d => d.Entity.Id.Contains("lumencorp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nameservers_under_the_groups_domain_tied_only_by_the_rdap_registrant_are_the_sites_own()
    {
        var (observations, report) = await engine.AuditAsync("harborview-demo.org");

        // Neither the certificate nor the SOA names the site in the group's domain: only the registrant ties them.
        Assert.DoesNotContain(observations.Tls.SelectMany(t => t.Chain.Take(1)).SelectMany(c => c.SubjectAlternativeNames), n => n.Contains("harborviewgroup", StringComparison.Ordinal));
        Assert.All(observations.Dns!.NameServers, ns => Assert.DoesNotContain("harborview-demo.org", ns.OwnZoneSoa, StringComparison.Ordinal));
        Assert.Equal("Harborview Group B.V.", observations.Registration!.Registrant!.Organisation);
        var sibling = Assert.Single(observations.NameServerDomains!);
        Assert.Equal("harborviewgroup-demo.net", sibling.Domain);
        Assert.Equal(["ns1.harborviewgroup-demo.net", "ns2.harborviewgroup-demo.net"], sibling.NameServers);
        Assert.Equal(("HARBORVIEW GROUP BV", false), (sibling.Registrant!.Organisation, sibling.Registrant.Redacted));
        Assert.NotNull(sibling.Provenance);
        Assert.DoesNotContain(observations.Unobserved, gap => gap.Subject == Observations.GapKeys.RdapNameServer);

        var dns = Assert.Single(Layer(report, Model.Layer.Dns).Dependencies);
        Assert.Equal(Classification.Private, dns.Classification);
        Assert.Equal("self:harborview-demo.org", dns.Entity.Id);
        Assert.Contains(dns.Evidence, e => e.Signal == "rdap-registrant" && e.Rule == "rdap-registrant" && e.Value == "harborviewgroup-demo.net: HARBORVIEW GROUP BV");
    }

    [Theory]
    [InlineData("Harborview Logistics Ltd", false)]
    [InlineData("Harborview Group B.V.", true)]
    public async Task A_sibling_nameserver_domain_registered_to_another_or_a_withheld_registrant_stays_unknown(string organisation, bool redacted)
    {
        var world = DemoWorld.Load();
        world.Domains.Single(d => d.Name == "harborviewgroup-demo.net").Registrant = new Simulation.World.Registrant { Organization = organisation, Redacted = redacted };
        await using var other = await SimulatedInternet.StartAsync(world);
        using var otherEngine = new ChokepointEngine(new EngineSettings { Network = other.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) }, Data.EngineDataSets.Load(Data.DataDirectory.Locate(), other.Profile.AsnDatabase));

        var (observations, report) = await otherEngine.AuditAsync("harborview-demo.org");

        var sibling = Assert.Single(observations.NameServerDomains!);
        Assert.Equal(redacted, sibling.Registrant!.Redacted);
        Assert.Equal(redacted ? null : organisation, sibling.Registrant.Organisation);
        var dns = Assert.Single(Layer(report, Model.Layer.Dns).Dependencies);
        Assert.Equal(Classification.Unknown, dns.Classification);
        Assert.Equal("harborviewgroup-demo.net", dns.Entity.Name);
        Assert.DoesNotContain(dns.Evidence, e => e.Signal == "rdap-registrant");
    }

    [Fact]
    public async Task Third_party_script_and_image_hosts_are_seen_behind_cloudfront_and_fastly_from_their_headers()
    {
        // A browser's capture of the page: the responses carry the headers the world's hosts send.
        var world = DemoWorld.Load();
        var entries = new[] { ("https://cdn.widgetbay-demo.net/embed.js", "script", "application/javascript"), ("https://img.picshelf-demo.com/cover.jpg", "image", "image/jpeg") }
            .Select(resource => new
            {
                pageref = "page_1",
                _resourceType = resource.Item2,
                request = new { method = "GET", url = resource.Item1, headers = Array.Empty<object>() },
                response = new
                {
                    status = 200,
                    headers = world.WebHosts.Single(h => h.Host == new Uri(resource.Item1).Host).Headers.Select(pair => new { name = pair.Key, value = pair.Value }).ToArray(),
                    content = new { mimeType = resource.Item3 },
                },
            });
        var har = JsonSerializer.Serialize(new { log = new { version = "1.2", creator = new { name = "test", version = "1" }, pages = new[] { new { id = "page_1", title = "https://saltmarsh-journal.com/" } }, entries } });
        var capture = HarReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(har)));
        Assert.Null(capture.Error);

        var (_, report) = await engine.AuditAsync("saltmarsh-journal.com", new AuditRequest { Har = capture });

        var page = Layer(report, Model.Layer.Page).Dependencies;
        Assert.Equal("amazon", CdnOf(page, "cdn.widgetbay-demo.net"));
        Assert.Equal("fastly", CdnOf(page, "img.picshelf-demo.com"));

        // The site itself is served from DigitalOcean with no CDN: the third parties' CDNs are not the site's.
        Assert.Empty(Layer(report, Model.Layer.Cdn).Dependencies);
    }

    private static string CdnOf(IReadOnlyList<Dependency> page, string host)
    {
        var dependency = Assert.Single(page, d => d.Facts?.PageUses?.Any(use => use.Host == host) == true);
        var cdn = Assert.Single(dependency.DependsOn, d => d.Service == ServiceKind.Cdn);
        return (cdn.Owner ?? cdn.Entity).Id;
    }
}
