using Chokepoint.Collection.Audit;
using Chokepoint.Observations;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>Every fault kind ends in finished observations with the right reason: never an exception, never a hang.</summary>
public sealed class FaultCollectionTests(FaultyInternetFixture faulty, ITestOutputHelper output) : IClassFixture<FaultyInternetFixture>
{
    private static readonly CollectionOptions Options = SimulatedAudit.FaultOptions;

    private Task<SiteObservations> CollectAsync(string domain) => SimulatedAudit.CollectAsync(faulty.Internet, domain, Options, output);

    private static string Reason(SiteObservations site, string what) =>
        Assert.Single(site.Unobserved, u => u.What == what).Reason;

    [Fact]
    public async Task Rdap_429_is_rate_limited_with_retry_after()
    {
        var site = await CollectAsync("openshelter-demo.org");

        Assert.Null(site.Registration);
        Assert.Equal("rate limited (retry after 30 s)", Reason(site, "rdap"));
        Assert.NotNull(site.Dns);
    }

    [Fact]
    public async Task Rdap_invalid_json_is_reported()
    {
        var site = await CollectAsync("boulangerie-demo.fr");

        Assert.Null(site.Registration);
        Assert.Contains("not valid JSON", Reason(site, "rdap"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rdap_404_means_the_registry_has_no_record()
    {
        var site = await CollectAsync("selfhosted-demo.net");

        Assert.Equal("not observed: registry has no record", Reason(site, "rdap"));
    }

    [Fact]
    public async Task Refusing_nameserver_is_lame_and_silent_one_unreachable()
    {
        var site = await CollectAsync("twodns-demo.com");

        var nameServers = site.Dns!.NameServers.ToDictionary(ns => ns.Host);
        Assert.Equal("lame", nameServers["dns1.p01.nsone.net"].State);
        Assert.Contains("REFUSED", nameServers["dns1.p01.nsone.net"].Detail, StringComparison.Ordinal);
        Assert.Equal("unreachable", nameServers["ns-412.awsdns-51.com"].State);
        Assert.Contains("timed out after 2 s", nameServers["ns-412.awsdns-51.com"].Detail, StringComparison.Ordinal);
        Assert.Equal("authoritative", nameServers["dns2.p01.nsone.net"].State);
        Assert.NotNull(site.Registration);
    }

    [Fact]
    public async Task Malformed_nameserver_answer_is_lame_with_the_reason()
    {
        var site = await CollectAsync("twoca-demo.com");

        var akamai = Assert.Single(site.Dns!.NameServers, ns => ns.Host == "a1-64.akam.net");
        Assert.NotEqual("authoritative", akamai.State);
        Assert.Contains("malformed", akamai.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_www_lookup_times_out()
    {
        var site = await CollectAsync("pixelcraft-videos.com");

        Assert.Equal("www.pixelcraft-videos.com: timed out after 2 s", Reason(site, "host.www"));
        Assert.Single(site.Hosts, h => h.Role == "apex");
    }

    [Fact]
    public async Task Servfail_on_dmarc_is_reported_and_mx_kept()
    {
        var site = await CollectAsync("quietharbor-consulting.com");

        Assert.Equal("SERVFAIL", Reason(site, "mail.dmarc"));
        Assert.NotEmpty(site.Mail!.Mx);
        Assert.Null(site.Mail.Dmarc);
    }

    [Fact]
    public async Task Malformed_dmarc_answer_is_reported()
    {
        var site = await CollectAsync("dailyledger-news.com");

        Assert.StartsWith("malformed answer", Reason(site, "mail.dmarc"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_answer_is_retried_over_tcp_and_reported_when_cut_short_there_too()
    {
        // The simulation sets TC over UDP and cuts the TCP answer mid-record.
        var site = await CollectAsync("tinyteapot-shop.com");

        Assert.StartsWith("www.tinyteapot-shop.com: malformed answer", Reason(site, "host.www"), StringComparison.Ordinal);
        Assert.NotEmpty(Assert.Single(site.Hosts, h => h.Role == "apex").Addresses);
    }

    [Fact]
    public async Task Slow_body_does_not_hold_up_the_headers()
    {
        var site = await CollectAsync("tinyteapot-shop.com");

        Assert.Contains(site.Http, h => h.Url == "https://tinyteapot-shop.com/" && h.Status is not null);
    }

    [Fact]
    public async Task Http_500_is_an_observed_status()
    {
        var site = await CollectAsync("twodns-demo.com");

        Assert.Equal(500, Assert.Single(site.Http, h => h.Url == "https://www.twodns-demo.com/").Status);
    }

    [Fact]
    public async Task Redirect_loop_is_detected()
    {
        var site = await CollectAsync("shieldedorigin-demo.com");

        Assert.StartsWith("redirect loop", Reason(site, "http.https://www.shieldedorigin-demo.com/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_name_and_expired_certificates_are_recorded_as_invalid()
    {
        var site = await CollectAsync("twoca-demo.com");

        var apex = Assert.Single(site.Tls, t => t.Host == "twoca-demo.com");
        Assert.False(apex.Valid);
        Assert.Contains("certificate does not match host name", apex.ValidationErrors);
        Assert.NotEmpty(apex.Chain);
        var www = Assert.Single(site.Tls, t => t.Host == "www.twoca-demo.com");
        Assert.False(www.Valid);
        Assert.Contains("certificate expired or not yet valid", www.ValidationErrors);
        Assert.Contains(site.Unobserved, u => u.What == "http.https://twoca-demo.com/");
    }

    [Fact]
    public async Task Untrusted_certificate_is_recorded_and_the_request_not_sent()
    {
        var site = await CollectAsync("openshelter-demo.org");

        var www = Assert.Single(site.Tls, t => t.Host == "www.openshelter-demo.org");
        Assert.False(www.Valid);
        Assert.Contains(www.ValidationErrors, e => e.StartsWith("untrusted", StringComparison.Ordinal));
        Assert.Contains(site.Unobserved, u => u.What == "http.https://www.openshelter-demo.org/");
        Assert.True(Assert.Single(site.Tls, t => t.Host == "openshelter-demo.org").Valid);
    }

    [Fact]
    public async Task Endless_body_does_not_hang_collection()
    {
        var site = await CollectAsync("dailyledger-news.com");

        Assert.Contains(site.Http, h => h.Url == "https://www.dailyledger-news.com/");
    }
}
