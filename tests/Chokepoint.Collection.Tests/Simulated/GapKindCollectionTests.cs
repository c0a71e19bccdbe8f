using Chokepoint.Observations;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>Every fault ends in a gap with its subject, target and kind, so that a watch can tell failures apart without reading text.</summary>
public sealed class GapKindCollectionTests(FaultyInternetFixture faulty, GapKindInternetFixture others, ITestOutputHelper output)
    : IClassFixture<FaultyInternetFixture>, IClassFixture<GapKindInternetFixture>
{
    /// <summary>The world with the faults of <see cref="GapKindInternetFixture"/> (RDAP 503, REFUSED), else <see cref="FaultyInternetFixture"/>.</summary>
    private Task<SiteObservations> CollectAsync(string domain, bool more = false) =>
        SimulatedAudit.CollectAsync(more ? others.Internet : faulty.Internet, domain, SimulatedAudit.FaultOptions, output);

    private static Unobserved Gap(SiteObservations site, string what) => Assert.Single(site.Unobserved, u => u.What == what);

    [Theory]
    [InlineData("pixelcraft-videos.com", false, "host.www", GapKeys.HostWww, "www.pixelcraft-videos.com", GapKind.Timeout)]
    [InlineData("quietharbor-consulting.com", false, "mail.dmarc", GapKeys.MailDmarc, "_dmarc.quietharbor-consulting.com", GapKind.ServFail)]
    [InlineData("onestack-demo.com", true, "mail.dmarc", GapKeys.MailDmarc, "_dmarc.onestack-demo.com", GapKind.Refused)]
    [InlineData("dailyledger-news.com", false, "mail.dmarc", GapKeys.MailDmarc, "_dmarc.dailyledger-news.com", GapKind.Malformed)]
    [InlineData("tinyteapot-shop.com", false, "host.www", GapKeys.HostWww, "www.tinyteapot-shop.com", GapKind.Malformed)]
    [InlineData("selfhosted-demo.net", false, "rdap", GapKeys.Rdap, "selfhosted-demo.net", GapKind.NxDomain)]
    [InlineData("openshelter-demo.org", false, "rdap", GapKeys.Rdap, "openshelter-demo.org", GapKind.HttpStatus)]
    [InlineData("onestack-demo.com", true, "rdap", GapKeys.Rdap, "onestack-demo.com", GapKind.HttpStatus)]
    [InlineData("boulangerie-demo.fr", false, "rdap", GapKeys.Rdap, "boulangerie-demo.fr", GapKind.Malformed)]
    [InlineData("twoca-demo.com", false, "http.https://twoca-demo.com/", GapKeys.Http, "https://twoca-demo.com/", GapKind.TlsInvalid)]
    [InlineData("shieldedorigin-demo.com", false, "http.https://www.shieldedorigin-demo.com/", GapKeys.Http, "https://www.shieldedorigin-demo.com/", GapKind.Bounded)]
    [InlineData("nosuchsite-demo.com", false, "dns.ns.child", GapKeys.DnsNsChild, "nosuchsite-demo.com", GapKind.NxDomain)]
    [InlineData("nosuchsite-demo.com", false, "dns.ns.parent", GapKeys.DnsNsParent, "nosuchsite-demo.com", GapKind.NxDomain)]
    [InlineData("nosuchsite-demo.com", false, "rdap", GapKeys.Rdap, "nosuchsite-demo.com", GapKind.NxDomain)]
    public async Task A_fault_leaves_a_gap_of_its_kind_about_its_subject(string domain, bool more, string what, string subject, string target, GapKind kind)
    {
        var site = await CollectAsync(domain, more);

        var gap = Gap(site, what);
        Assert.Equal((subject, target, kind), (gap.Subject, gap.Target, gap.Kind));
    }

    [Fact]
    public async Task Rdap_503_says_the_status()
    {
        var site = await CollectAsync("onestack-demo.com", more: true);

        Assert.Equal("RDAP service answered HTTP 503 Service Unavailable", Gap(site, "rdap").Reason);
        Assert.Equal("REFUSED", Gap(site, "mail.dmarc").Reason);
    }

    [Fact]
    public async Task Malformed_dns_answer_has_a_one_line_reason()
    {
        var site = await CollectAsync("dailyledger-news.com");

        var reason = Gap(site, "mail.dmarc").Reason;
        Assert.DoesNotContain('\n', reason);
        Assert.True(reason.Length <= Unobserved.MaxReasonLength, reason);
    }

    [Fact]
    public async Task Healthy_site_has_no_gap_of_a_failure_kind()
    {
        var site = await CollectAsync("onestack-demo.com");

        Assert.DoesNotContain(site.Unobserved, u => u.Kind is GapKind.Timeout or GapKind.ServFail or GapKind.Refused or GapKind.Malformed or GapKind.NotClassified);
    }
}
