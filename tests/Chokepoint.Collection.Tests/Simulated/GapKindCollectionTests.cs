using Chokepoint.Collection.Audit;
using Chokepoint.Observations;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>Every fault ends in a gap with its subject, target and kind, so that a watch can tell failures apart without reading text.</summary>
public sealed class GapKindCollectionTests(FaultyInternetFixture faulty, GapKindInternetFixture more, ITestOutputHelper output)
    : IClassFixture<FaultyInternetFixture>, IClassFixture<GapKindInternetFixture>
{
    private static readonly CollectionOptions Options = new()
    {
        Timeout = TimeSpan.FromSeconds(12),
        DnsQueryTimeout = TimeSpan.FromSeconds(2),
        RdapTimeout = TimeSpan.FromSeconds(3),
        TlsTimeout = TimeSpan.FromSeconds(3),
        HttpTimeout = TimeSpan.FromSeconds(3),
    };

    private static Unobserved Gap(SiteObservations site, string what) => Assert.Single(site.Unobserved, u => u.What == what);

    [Fact]
    public async Task Dns_timeout_is_a_timeout_of_the_host()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "pixelcraft-videos.com", Options, output);

        var gap = Gap(site, "host.www");
        Assert.Equal((GapKeys.HostWww, "www.pixelcraft-videos.com", GapKind.Timeout), (gap.Subject, gap.Target, gap.Kind));
    }

    [Fact]
    public async Task Servfail_is_servfail()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "quietharbor-consulting.com", Options, output);

        var gap = Gap(site, "mail.dmarc");
        Assert.Equal((GapKeys.MailDmarc, "_dmarc.quietharbor-consulting.com", GapKind.ServFail), (gap.Subject, gap.Target, gap.Kind));
    }

    [Fact]
    public async Task Refused_is_refused()
    {
        var site = await SimulatedAudit.CollectAsync(more.Internet, "onestack-demo.com", Options, output);

        var gap = Gap(site, "mail.dmarc");
        Assert.Equal((GapKeys.MailDmarc, GapKind.Refused), (gap.Subject, gap.Kind));
        Assert.Equal("REFUSED", gap.Reason);
    }

    [Fact]
    public async Task Malformed_dns_answer_is_malformed_and_its_reason_one_line()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "dailyledger-news.com", Options, output);

        var gap = Gap(site, "mail.dmarc");
        Assert.Equal((GapKeys.MailDmarc, GapKind.Malformed), (gap.Subject, gap.Kind));
        Assert.DoesNotContain('\n', gap.Reason);
        Assert.True(gap.Reason.Length <= Unobserved.MaxReasonLength, gap.Reason);
    }

    [Fact]
    public async Task Truncated_answer_cut_short_over_tcp_is_malformed()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "tinyteapot-shop.com", Options, output);

        Assert.Equal(GapKind.Malformed, Gap(site, "host.www").Kind);
    }

    [Fact]
    public async Task Rdap_404_is_nxdomain()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "selfhosted-demo.net", Options, output);

        var gap = Gap(site, "rdap");
        Assert.Equal((GapKeys.Rdap, "selfhosted-demo.net", GapKind.NxDomain), (gap.Subject, gap.Target, gap.Kind));
    }

    [Fact]
    public async Task Rdap_429_is_an_http_status()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "openshelter-demo.org", Options, output);

        Assert.Equal((GapKeys.Rdap, GapKind.HttpStatus), (Gap(site, "rdap").Subject, Gap(site, "rdap").Kind));
    }

    [Fact]
    public async Task Rdap_503_is_an_http_status()
    {
        var site = await SimulatedAudit.CollectAsync(more.Internet, "onestack-demo.com", Options, output);

        var gap = Gap(site, "rdap");
        Assert.Equal((GapKeys.Rdap, GapKind.HttpStatus), (gap.Subject, gap.Kind));
        Assert.Contains("503", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rdap_invalid_json_is_malformed()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "boulangerie-demo.fr", Options, output);

        Assert.Equal(GapKind.Malformed, Gap(site, "rdap").Kind);
    }

    [Fact]
    public async Task Invalid_certificate_leaves_the_fetch_tls_invalid()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "twoca-demo.com", Options, output);

        var gap = Gap(site, "http.https://twoca-demo.com/");
        Assert.Equal((GapKeys.Http, "https://twoca-demo.com/", GapKind.TlsInvalid), (gap.Subject, gap.Target, gap.Kind));
    }

    [Fact]
    public async Task Redirect_loop_is_bounded()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "shieldedorigin-demo.com", Options, output);

        var gap = Gap(site, "http.https://www.shieldedorigin-demo.com/");
        Assert.Equal((GapKeys.Http, GapKind.Bounded), (gap.Subject, gap.Kind));
    }

    [Fact]
    public async Task A_name_that_does_not_exist_is_nxdomain_where_a_gap_is_made()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "nosuchsite-demo.com", Options, output);

        var child = Gap(site, "dns.ns.child");
        Assert.Equal((GapKeys.DnsNsChild, "nosuchsite-demo.com", GapKind.NxDomain), (child.Subject, child.Target, child.Kind));
        Assert.Equal(GapKind.NxDomain, Gap(site, "dns.ns.parent").Kind);
        Assert.Equal(GapKind.NxDomain, Gap(site, "rdap").Kind);
    }

    [Fact]
    public async Task Healthy_site_has_no_gap_of_a_failure_kind()
    {
        var site = await SimulatedAudit.CollectAsync(faulty.Internet, "onestack-demo.com", Options, output);

        Assert.DoesNotContain(site.Unobserved, u => u.Kind is GapKind.Timeout or GapKind.ServFail or GapKind.Refused or GapKind.Malformed or GapKind.NotClassified);
    }
}
