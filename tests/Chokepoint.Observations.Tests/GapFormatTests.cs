namespace Chokepoint.Observations.Tests;

/// <summary>Gaps in format version 2 (subject, target, kind), and version 1 files read into the same shape.</summary>
public sealed class GapFormatTests
{
    private static SiteObservations ReadVersion1()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "onestack-demo.v1.json"));
        Assert.True(ObservationsJson.TryParse(json, out var observations, out var error), error);
        return observations!;
    }

    [Fact]
    public void A_version_1_file_still_reads_with_every_gap_not_classified()
    {
        var site = ReadVersion1();

        Assert.Equal(1, site.FormatVersion);
        Assert.Equal("Cloudflare, Inc.", site.Registration!.RegistrarName);
        Assert.Equal(10, site.Unobserved.Count);
        Assert.All(site.Unobserved, gap => Assert.Equal(GapKind.NotClassified, gap.Kind));
    }

    [Theory]
    [InlineData("rdap.registrar", GapKeys.RdapRegistrar, null)]
    [InlineData("dns.caa", GapKeys.DnsCaa, null)]
    [InlineData("host.www.aaaa", GapKeys.HostWwwAaaa, null)]
    [InlineData("tls.www.onestack-demo.com", GapKeys.Tls, "www.onestack-demo.com")]
    [InlineData("http.https://www.onestack-demo.com/", GapKeys.Http, "https://www.onestack-demo.com/")]
    [InlineData("mail.mx.route2.mx.cloudflare.net", GapKeys.MailExchanger, "route2.mx.cloudflare.net")]
    [InlineData("upstream.zone.ocsp", GapKeys.UpstreamZoneOcsp, null)]
    [InlineData("asn", GapKeys.Asn, null)]
    [InlineData("page", GapKeys.Page, null)]
    [InlineData("legacy.key", "legacy.key", null)]
    public void A_version_1_gap_gets_the_subject_and_target_of_its_key(string what, string subject, string? target)
    {
        var gap = Assert.Single(ReadVersion1().Unobserved, u => u.What == what);

        Assert.Equal((subject, target), (gap.Subject, gap.Target));
    }

    [Fact]
    public void A_version_1_file_with_kinds_from_before_the_bump_is_read_as_not_classified()
    {
        const string Json = """{ "formatVersion": 1, "domain": "a.org", "unobserved": [ { "what": "dns.soa.extra", "reason": "x", "kind": "timeout", "subject": "tls" } ] }""";

        Assert.True(ObservationsJson.TryParse(Json, out var site, out var error), error);

        var gap = Assert.Single(site!.Unobserved);
        Assert.Equal((GapKind.NotClassified, GapKeys.DnsSoa, (string?)null), (gap.Kind, gap.Subject, gap.Target));
    }

    [Fact]
    public void Version_2_round_trips_every_field_of_a_gap()
    {
        var site = new SiteObservations
        {
            Domain = "example.org",
            Unobserved =
            [
                Unobserved.Of(GapKeys.Tls, GapKind.TlsInvalid, "TLS handshake failed", "www.example.org"),
                Unobserved.Of(GapKeys.DnsCaa, GapKind.Timeout, "timed out after 3 s", "example.org"),
                Unobserved.Of(GapKeys.Rdap, GapKind.BudgetSpent, "not finished within the 20 s collection budget"),
            ],
        };

        var json = ObservationsJson.Serialize(site);
        Assert.True(ObservationsJson.TryParse(json, out var parsed, out var error), error);

        Assert.Equal(2, parsed!.FormatVersion);
        Assert.Equal(site.Unobserved, parsed.Unobserved);
        Assert.Equal(json, ObservationsJson.Serialize(parsed));
        Assert.Contains("\"kind\": \"tls-invalid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"budget-spent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"subject\": \"tls\"", json, StringComparison.Ordinal);
        Assert.Contains("\"what\": \"tls.www.example.org\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_file_read_and_written_again_is_version_2_and_reads_the_same()
    {
        var first = ReadVersion1();

        var rewritten = ObservationsJson.Serialize(first with { FormatVersion = SiteObservations.CurrentFormatVersion });
        Assert.True(ObservationsJson.TryParse(rewritten, out var second, out var error), error);

        Assert.Equal(first.Unobserved, second!.Unobserved);
    }

    [Fact]
    public void A_gap_made_by_its_subject_has_the_display_key_of_today()
    {
        Assert.Equal("tls.www.example.org", Unobserved.Of(GapKeys.Tls, GapKind.Timeout, "x", "www.example.org").What);
        Assert.Equal("http.https://example.org/", Unobserved.Of(GapKeys.Http, GapKind.Bounded, "x", "https://example.org/").What);
        Assert.Equal("mail.mx.mx1.example.net", Unobserved.Of(GapKeys.MailExchanger, GapKind.NoData, "x", "mx1.example.net").What);
        Assert.Equal("host.www.a", Unobserved.Of(GapKeys.ForHost("www", "A"), GapKind.ServFail, "x", "www.example.org").What);
        Assert.Equal("upstream.zone.mx", Unobserved.Of(GapKeys.ForUpstreamZone("mx"), GapKind.NoData, "x", "mx1.example.net").What);
        Assert.Equal("dns.caa", Unobserved.Of(GapKeys.DnsCaa, GapKind.Timeout, "x", "example.org").What);
    }

    [Fact]
    public void A_reason_from_a_packet_dump_is_one_short_line()
    {
        var dump = "malformed answer:\n" + string.Concat(Enumerable.Repeat("00 1f a3 \t\r\n", 200));

        var gap = Unobserved.Of(GapKeys.MailDmarc, GapKind.Malformed, dump);

        Assert.DoesNotContain('\n', gap.Reason);
        Assert.DoesNotContain("  ", gap.Reason, StringComparison.Ordinal);
        Assert.Equal(Unobserved.MaxReasonLength, gap.Reason.Length);
        Assert.StartsWith("malformed answer: 00 1f a3 00", gap.Reason, StringComparison.Ordinal);
    }
}
