using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Page;
using Chokepoint.Observations;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Simulated;

public sealed class DemoWorldCollectionTests(DemoInternetFixture demo, ITestOutputHelper output) : IClassFixture<DemoInternetFixture>
{
    private static readonly CollectionOptions Options = new() { Timeout = TimeSpan.FromSeconds(15) };

    private Task<SiteObservations> CollectAsync(string domain) =>
        new AuditCollector(TimeProvider.System).CollectAsync(domain, demo.Internet.Profile, Options, CancellationToken.None);

    [Fact]
    public async Task Onestack_site_is_observed_in_full()
    {
        var site = await CollectAsync("onestack-demo.com");
        output.WriteLine(ObservationsJson.Serialize(site));

        Assert.Empty(site.Unobserved);
    }

    [Fact]
    public async Task Onestack_site_facts_match_the_world()
    {
        var site = await CollectAsync("onestack-demo.com");

        Assert.Equal("Cloudflare, Inc.", site.Registration!.RegistrarName);
        Assert.Equal(site.Registration.NameServers.Select(n => n + ".").Order(), site.Dns!.ParentNs!.Values.Order());
        Assert.All(site.Dns.NameServers, ns => Assert.Equal("authoritative", ns.State));
        Assert.All(site.Dns.NameServers, ns => Assert.True(ns.AtParent && ns.AtChild));
        // The OCSP responder host (role "ocsp") is the CA's, not the site's.
        Assert.All(site.Hosts.Where(h => h.Role != "ocsp").SelectMany(h => h.Addresses), a => Assert.Equal(13335, a.Asn));
        Assert.All(site.Tls, t => Assert.True(t.Valid));
        Assert.Equal(2, site.Tls.Count);
        Assert.All(site.Http, h => Assert.Equal(200, h.Status));
        Assert.NotEmpty(site.Mail!.Mx);
        Assert.Null(site.Page);
    }

    [Fact]
    public async Task Self_hosted_site_has_glue_and_its_own_nameservers()
    {
        var site = await CollectAsync("selfhosted-demo.net");

        Assert.NotNull(site.Dns!.ParentNs);
        Assert.All(site.Dns.NameServers, ns => Assert.EndsWith("selfhosted-demo.net", ns.Host, StringComparison.Ordinal));
        Assert.All(site.Dns.NameServers, ns => Assert.Equal("authoritative", ns.State));
    }

    [Fact]
    public async Task On_hold_domain_is_finished_with_reasons()
    {
        var site = await CollectAsync("onhold-demo.com");
        output.WriteLine(string.Join("\n", site.Unobserved.Select(u => $"{u.What}: {u.Reason}")));

        Assert.Contains(site.Unobserved, u => u.What == "dns.ns.parent");
        Assert.Contains("client hold", site.Registration!.Status.Select(s => s.ToLowerInvariant()));
    }

    [Fact]
    public async Task Page_collector_plugs_in()
    {
        var options = Options with
        {
            PageCollector = (context, ct) => new PageCollector(context.Http, null, context.Time).CollectAsync(context.StartUrl, context.Domain, null, ct),
        };

        var site = await new AuditCollector(TimeProvider.System).CollectAsync("dailyledger-news.com", demo.Internet.Profile, options, CancellationToken.None);

        Assert.NotNull(site.Page);
        Assert.NotEmpty(site.Page.Pages);
        Assert.Equal(200, site.Page.Pages[0].Status);
    }
}
