using Chokepoint.Analysis.Model;
using Chokepoint.Model;
using Chokepoint.Analysis.Recovery;
using static Chokepoint.Analysis.Model.Requirement;
using static Chokepoint.Analysis.Tests.Sites;

namespace Chokepoint.Analysis.Tests.Recovery;

public sealed class RecoveryEstimatorTests
{
    private static readonly SiteFunction NameResolves = Function("name-resolves", Importance.Critical, All(Needs(GoDaddyRegistrar), Needs(CloudflareDns)));

    [Fact]
    public void Dns_move_with_known_facts_lists_the_steps_in_order()
    {
        var facts = new RecoveryFacts
        {
            ParentNsTtl = TimeSpan.FromDays(2),
            ZoneCopyAvailable = true,
            DnssecSigned = false,
            RegistrarCompanyId = "godaddy",
            RegistrarStatusCodes = [],
        };

        var ttr = RecoveryEstimator.Estimate(CloudflareDns, NameResolves, facts);

        Assert.Equal(
            [
                "sign up with a new DNS provider and import the zone file kept as a copy: 1-4 h",
                "change the NS records at the registrar to the new provider's nameservers: 5-30 min",
                "wait for cached parent NS delegation to expire (TTL 2 days): up to 2 days",
            ],
            ttr.Steps.Select(s => s.ToString()).ToArray());
        Assert.Equal(TimeSpan.FromMinutes(65), ttr.Low);
        Assert.Equal(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(30) + TimeSpan.FromDays(2), ttr.High);
        Assert.False(ttr.OpenEnded);
        Assert.Empty(ttr.Assumptions);
    }

    [Fact]
    public void Unknown_facts_give_a_wider_range_and_say_what_was_assumed()
    {
        var known = RecoveryEstimator.Estimate(CloudflareDns, NameResolves, new RecoveryFacts
        {
            ParentNsTtl = TimeSpan.FromHours(1),
            ZoneCopyAvailable = true,
            DnssecSigned = false,
            RegistrarCompanyId = "godaddy",
        });
        var unknown = RecoveryEstimator.Estimate(CloudflareDns, NameResolves, RecoveryFacts.Unknown);

        Assert.True(unknown.High > known.High);
        Assert.True(unknown.Low <= known.Low);
        Assert.Contains(unknown.Assumptions, a => a.StartsWith("parent NS delegation TTL unknown: assumed up to 2 days", StringComparison.Ordinal));
        Assert.Contains(unknown.Assumptions, a => a.StartsWith("DNSSEC unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Dns_at_the_registrar_company_requires_a_transfer_first()
    {
        var facts = new RecoveryFacts { RegistrarCompanyId = "cloudflare", DaysSinceLastRegistrarChange = 20, RegistrarStatusCodes = [] };

        var ttr = RecoveryEstimator.Estimate(CloudflareDns, NameResolves, facts);

        Assert.Contains(ttr.Steps, s => s.Text.StartsWith("wait out the 60-day transfer lock after the last change (20 days ago)", StringComparison.Ordinal)
                                         && s.Duration == DurationRange.Days(40, 40));
        Assert.True(ttr.Low >= TimeSpan.FromDays(40));
    }

    [Fact]
    public void Registrar_transfer_lock_window_is_unknown_without_the_date()
    {
        var ttr = RecoveryEstimator.Estimate(GoDaddyRegistrar, NameResolves, RecoveryFacts.Unknown);

        Assert.Contains(ttr.Steps, s => s.Duration == DurationRange.Days(0, 60));
        Assert.Equal(TimeSpan.FromDays(5 + 60 + 5) + TimeSpan.Zero, ttr.High);
        Assert.Contains(ttr.Assumptions, a => a.Contains("status codes unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Registry_lock_and_hold_make_the_estimate_open_ended()
    {
        var facts = new RecoveryFacts
        {
            RegistrarStatusCodes = ["server transfer prohibited", "clientHold"],
            DaysSinceLastRegistrarChange = 400,
        };

        var ttr = RecoveryEstimator.Estimate(GoDaddyRegistrar, NameResolves, facts);

        Assert.True(ttr.OpenEnded);
        Assert.Contains(ttr.Steps, s => s.Text.Contains("serverTransferProhibited", StringComparison.Ordinal));
        Assert.Contains(ttr.Steps, s => s.Text.Contains("removes clientHold", StringComparison.Ordinal));
        Assert.DoesNotContain(ttr.Steps, s => s.Text.Contains("60-day", StringComparison.Ordinal));
        Assert.EndsWith("or longer", ttr.Range, StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_delete_cannot_be_transferred()
    {
        var ttr = RecoveryEstimator.Estimate(GoDaddyRegistrar, NameResolves, new RecoveryFacts { RegistrarStatusCodes = ["pendingDelete"] });

        var step = Assert.Single(ttr.Steps);
        Assert.True(step.OpenEnded);
        Assert.Contains("pending delete", step.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Automated_issuance_with_permissive_caa_recovers_in_hours()
    {
        var https = Function("https-trusted", Importance.Critical, Needs(LetsEncrypt), FunctionKind.Trust);

        var fast = RecoveryEstimator.Estimate(LetsEncrypt, https, new RecoveryFacts { AcmeAutomated = true, CaaAllowsAnotherCa = true, CertificateDaysRemaining = 60 });
        var slow = RecoveryEstimator.Estimate(LetsEncrypt, https, new RecoveryFacts { AcmeAutomated = false, CaaAllowsAnotherCa = false, RecordTtl = TimeSpan.FromHours(1) });

        Assert.Equal(TimeSpan.FromHours(2), fast.High);
        Assert.Contains(fast.Assumptions, a => a.Contains("60 more days", StringComparison.Ordinal));
        Assert.Equal(3, slow.Steps.Count);
        Assert.True(slow.High > TimeSpan.FromDays(5));
    }

    [Fact]
    public void Cdn_bypass_is_quick_when_the_origin_is_reachable()
    {
        var web = Function("web-served", Importance.Critical, All(Needs(CloudflareCdn), Needs(AwsHosting)));

        var reachable = RecoveryEstimator.Estimate(CloudflareCdn, web, new RecoveryFacts { OriginReachableDirectly = true, RecordTtl = TimeSpan.FromMinutes(5) });
        var unreachable = RecoveryEstimator.Estimate(CloudflareCdn, web, new RecoveryFacts { OriginReachableDirectly = false, RecordTtl = TimeSpan.FromMinutes(5) });

        Assert.Equal(TimeSpan.FromMinutes(35), reachable.High);
        Assert.Equal(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5), unreachable.High);
    }

    [Fact]
    public void Company_with_several_suppliers_combines_tracks()
    {
        var web = Function("web-served", Importance.Critical, All(Needs(CloudflareDns), Needs(CloudflareCdn), Needs(AwsHosting)));
        var facts = new RecoveryFacts { OriginReachableDirectly = true, RecordTtl = TimeSpan.FromMinutes(5), ParentNsTtl = TimeSpan.FromHours(1), ZoneCopyAvailable = true, DnssecSigned = false, RegistrarCompanyId = "godaddy" };

        var dns = RecoveryEstimator.Estimate(CloudflareDns, web, facts);
        var cdn = RecoveryEstimator.Estimate(CloudflareCdn, web, facts);
        var both = RecoveryEstimator.Estimate("cloudflare", web, facts);

        Assert.Equal(dns.High + cdn.High, both.High);
        Assert.Equal(dns.Low > cdn.Low ? dns.Low : cdn.Low, both.Low);
        Assert.Contains(both.Steps, s => s.Text.StartsWith("[dns] ", StringComparison.Ordinal));
        Assert.Contains(both.Steps, s => s.Text.StartsWith("[cdn] ", StringComparison.Ordinal));
    }

    [Fact]
    public void Company_not_in_the_function_has_nothing_to_recover()
    {
        var ttr = RecoveryEstimator.Estimate("paypal", NameResolves, RecoveryFacts.Unknown);
        Assert.Empty(ttr.Steps);
        Assert.Equal(TimeSpan.Zero, ttr.High);
    }

    [Theory]
    [InlineData(2, "2 other revenue path(s) keep earning")]
    [InlineData(0, "no other revenue path: income stops")]
    public void Revenue_paths_remaining_are_stated(int remaining, string expected)
    {
        var payments = Function("revenue:payments", Importance.High, Needs(PayPal), FunctionKind.Revenue);

        var ttr = RecoveryEstimator.Estimate(PayPal, payments, new RecoveryFacts { RevenuePathsRemaining = remaining });

        Assert.Contains(ttr.Assumptions, a => a.StartsWith(expected, StringComparison.Ordinal));
        Assert.True(ttr.OpenEnded);
    }

    [Theory]
    [InlineData(60, 240, "1-4 h")]
    [InlineData(5, 30, "5-30 min")]
    [InlineData(0, 2880, "up to 2 days")]
    [InlineData(60, 2880, "60 min - 2 days")]
    public void Ranges_format_in_sensible_units(double lowMinutes, double highMinutes, string expected)
    {
        Assert.Equal(expected, DurationRange.Minutes(lowMinutes, highMinutes).ToString());
    }
}
