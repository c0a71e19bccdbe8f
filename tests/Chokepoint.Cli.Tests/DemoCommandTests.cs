using System.Text.Json;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Tests;

public sealed class DemoCommandTests
{
    private static async Task<JsonElement> DemoReportAsync(string site)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["demo", site, "--format", "json"]);
        using var json = JsonDocument.Parse(output);
        // One chosen site is one report object, as audit gives it.
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        var report = json.RootElement.Clone();
        // One chosen site exits 4 exactly when its result is incomplete, and says so on stderr.
        var complete = report.GetProperty("complete").GetBoolean();
        Assert.True(exitCode == (complete ? ExitCodes.Ok : ExitCodes.Incomplete), $"exit {exitCode}: {error}");
        Assert.Equal(!complete, error.Contains("incomplete result", StringComparison.Ordinal));
        return report;
    }

    private static IEnumerable<JsonElement> Dependencies(JsonElement report, string layer) =>
        report.GetProperty("layers").EnumerateArray()
            .Single(l => l.GetProperty("layer").GetString() == layer)
            .GetProperty("dependencies").EnumerateArray();

    private static List<string> FunctionsOf(JsonElement report, string companyId) =>
        report.GetProperty("chokepoints").EnumerateArray()
            .Where(c => c.GetProperty("entity").GetProperty("id").GetString() == companyId)
            .SelectMany(c => c.GetProperty("functions").EnumerateArray().Select(f => f.GetString()!))
            .ToList();

    [Fact]
    public async Task Demo_lists_its_sites()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["demo", "--list"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.True(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 12);
    }

    [Fact]
    public async Task The_one_company_site_names_that_company_for_name_web_and_https()
    {
        var report = await DemoReportAsync("onestack-demo.com");

        Assert.Contains(Dependencies(report, "registration"), d => d.GetProperty("service").GetString() == "registrar" && d.GetProperty("entity").GetProperty("id").GetString() == "cloudflare");
        Assert.Contains(Dependencies(report, "dns"), d => d.GetProperty("entity").GetProperty("id").GetString() == "cloudflare" && !d.GetProperty("redundant").GetBoolean());
        Assert.Contains(Dependencies(report, "cdn"), d => d.GetProperty("entity").GetProperty("id").GetString() == "cloudflare");
        var functions = FunctionsOf(report, "cloudflare");
        Assert.Contains("name-resolves", functions);
        Assert.Contains("web-served", functions);
        Assert.Contains("https-trusted", functions);
    }

    [Fact]
    public async Task The_two_dns_provider_site_has_no_single_dns_provider()
    {
        var report = await DemoReportAsync("twodns-demo.com");

        var dns = Dependencies(report, "dns").ToList();
        Assert.True(dns.Select(d => d.GetProperty("entity").GetProperty("id").GetString()).Distinct().Count() >= 2);
        Assert.All(dns, d => Assert.True(d.GetProperty("redundant").GetBoolean()));
        foreach (var provider in dns.Select(d => d.TryGetProperty("owner", out var owner) ? owner.GetProperty("id").GetString()! : d.GetProperty("entity").GetProperty("id").GetString()!))
        {
            Assert.DoesNotContain("name-resolves", FunctionsOf(report, provider));
        }
    }

    [Fact]
    public async Task The_self_hosted_site_classifies_its_nameservers_as_private()
    {
        var report = await DemoReportAsync("selfhosted-demo.net");

        Assert.All(Dependencies(report, "dns"), d => Assert.Equal("private", d.GetProperty("classification").GetString()));
    }

    [Fact]
    public async Task The_donation_site_reports_its_processor_for_donations()
    {
        var report = await DemoReportAsync("openshelter-demo.org");

        Assert.Contains(Dependencies(report, "money"), d => d.GetProperty("service").GetString() == "donations" && d.GetProperty("entity").GetProperty("id").GetString() == "paypal");
        Assert.Contains("revenue:donations", FunctionsOf(report, "paypal"));
    }

    [Fact]
    public async Task The_site_on_hold_says_so_and_still_finishes()
    {
        var report = await DemoReportAsync("onhold-demo.com");

        Assert.Contains(Dependencies(report, "registration"), d => d.TryGetProperty("facts", out var facts) && facts.GetProperty("registrar").GetProperty("onHold").GetBoolean());
        // Regression: a domain on hold (offline now) was graded D, the hold seen only inside the JSON details.
        var state = Assert.Single(report.GetProperty("status").EnumerateArray());
        Assert.Equal("on-hold", state.GetProperty("kind").GetString());
        Assert.Equal("GoDaddy", state.GetProperty("by").GetString());
        Assert.Equal("abuse@godaddy.com", state.GetProperty("contact").GetString());
        Assert.False(report.TryGetProperty("grade", out _), "a report that is not graded has no grade");
        Assert.False(report.GetProperty("complete").GetBoolean());
    }

    [Theory]
    [InlineData("table", "ON HOLD: onhold-demo.com is on hold (clientHold, set by the registrar GoDaddy)")]
    [InlineData("markdown", "**ON HOLD:** onhold-demo.com is on hold (clientHold, set by the registrar GoDaddy)")]
    [InlineData("html", "<strong>ON HOLD:</strong> onhold-demo.com is on hold (clientHold, set by the registrar GoDaddy)")]
    public async Task Every_view_puts_the_hold_before_any_grade(string format, string banner)
    {
        var (exitCode, text, error) = await CliRunner.RunAsync(["demo", "onhold-demo.com", "--format", format]);
        // The terminal view wraps at words: read it back as running text.
        var output = format == "table" ? System.Text.RegularExpressions.Regex.Replace(text, "[\\s│]+", " ") : text;

        Assert.Equal(ExitCodes.Incomplete, exitCode);
        Assert.Contains("warning: onhold-demo.com: incomplete result", error, StringComparison.Ordinal);
        var at = output.IndexOf(banner, StringComparison.Ordinal);
        Assert.True(at >= 0, output);
        var grade = output.IndexOf(format == "html" ? "Exposure grade" : format == "markdown" ? "> **Grade" : "Exposure grade", StringComparison.Ordinal);
        Assert.True(grade > at, "the banner must come before the grade");
    }

    [Fact]
    public async Task A_site_whose_nameservers_answer_nothing_is_not_graded_and_says_why()
    {
        var report = await DemoReportAsync("silentdns-demo.org");

        Assert.False(report.TryGetProperty("grade", out _), "a report that is not graded has no grade");
        // Only RDAP answered (with the nameservers' names): no DNS query was, which is said first.
        Assert.Equal("resolver-silent", Assert.Single(report.GetProperty("status").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal("not graded: DNS was not observed: no query was answered", report.GetProperty("gradeExplanation").GetString());
        var functions = report.GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("coverage").GetString());
        Assert.Equal("partly-observed", functions["name-resolves"]);
        Assert.Equal("not-observed", functions["web-served"]);
        var hosting = report.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "hosting");
        Assert.Equal("not-observed", hosting.GetProperty("coverage").GetString());
    }

    /// <summary>Regression: a domain that does not exist was graded A with exit 0.</summary>
    [Fact]
    public async Task A_domain_that_does_not_exist_says_so_first_and_is_not_graded()
    {
        var report = await DemoReportAsync("nowhere-demo.com");

        var state = Assert.Single(report.GetProperty("status").EnumerateArray());
        Assert.Equal("does-not-exist", state.GetProperty("kind").GetString());
        Assert.Contains("answers NXDOMAIN and its RDAP service has no record of it", state.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(report.TryGetProperty("grade", out _));
        Assert.Equal("not graded: the domain does not exist", report.GetProperty("gradeExplanation").GetString());
        var dns = report.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "dns");
        Assert.Contains(dns.GetProperty("absent").EnumerateArray(), a => a.GetProperty("what").GetString() == "dns.ns.parent");
        Assert.Empty(dns.GetProperty("unobserved").EnumerateArray());
    }

    [Fact]
    public async Task The_whole_demo_warns_about_incomplete_sites_but_exits_0()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["demo", "--format", "jsonl", "--progress"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        // JSON Lines: one compact report a line, one line per site, in the order of --list; the progress counts the sites.
        var sites = DemoWorld.Load().Sites;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(sites.Select(s => s.Domain), lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("domain").GetString()));
        Assert.All(lines, line => Assert.StartsWith("{\"reportVersion\":", line, StringComparison.Ordinal));
        Assert.Contains($"[1/{sites.Count}] {sites[0].Domain}: collecting", error, StringComparison.Ordinal);
        Assert.Contains($"[{sites.Count}/{sites.Count}] {sites[^1].Domain}: done in ", error, StringComparison.Ordinal);
        Assert.Contains("warning: onhold-demo.com: incomplete result", error, StringComparison.Ordinal);
        Assert.Contains("warning: silentdns-demo.org: incomplete result", error, StringComparison.Ordinal);
        Assert.Contains("warning: nowhere-demo.com: incomplete result", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_demo_in_json_is_one_array_of_every_report()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["demo", "--format", "json"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(DemoWorld.Load().Sites.Count, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_demo_site_is_a_usage_error()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["demo", "nosuchsite.example"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--list", error, StringComparison.Ordinal);
    }

    private static string OwnerOf(JsonElement dependency) =>
        dependency.TryGetProperty("owner", out var owner) ? owner.GetProperty("id").GetString()! : dependency.GetProperty("entity").GetProperty("id").GetString()!;

    [Fact]
    public async Task The_news_site_shows_ads_with_sellers_and_affiliate_links_rolled_up()
    {
        var report = await DemoReportAsync("dailyledger-news.com");

        var money = Dependencies(report, "money").ToList();
        var adsense = money.Single(d => d.GetProperty("service").GetString() == "ads");
        Assert.Equal("alphabet", OwnerOf(adsense));
        Assert.Contains(adsense.GetProperty("facts").GetProperty("sellers").EnumerateArray(), s => s.GetProperty("relationship").GetString() == "direct");
        Assert.Contains(money, d => d.TryGetProperty("facts", out var facts) && facts.TryGetProperty("sellers", out var sellers)
            && sellers.EnumerateArray().Any(s => s.GetProperty("relationship").GetString() == "reseller"));
        Assert.Contains(money, d => d.GetProperty("service").GetString() == "affiliate" && OwnerOf(d) == "amazon");
    }

    [Fact]
    public async Task The_video_creator_depends_on_youtube_and_a_membership_platform()
    {
        var report = await DemoReportAsync("pixelcraft-videos.com");

        Assert.Contains(Dependencies(report, "page"), d => d.GetProperty("service").GetString() == "video" && OwnerOf(d) == "alphabet");
        Assert.Contains(Dependencies(report, "money"), d => d.GetProperty("service").GetString() == "membership" && OwnerOf(d) == "patreon");
        Assert.Contains("embedded-media", FunctionsOf(report, "alphabet"));
    }

    [Fact]
    public async Task The_proxied_site_reports_its_exposed_origin()
    {
        var report = await DemoReportAsync("shieldedorigin-demo.com");

        var cdn = Assert.Single(Dependencies(report, "cdn"));
        Assert.Contains(cdn.GetProperty("facts").GetProperty("exposedOrigins").EnumerateArray(), o => o.GetProperty("host").GetString() == "origin.shieldedorigin-demo.com");
        Assert.Contains(Dependencies(report, "hosting"), d => OwnerOf(d) == "hetzner");
    }

    [Fact]
    public async Task The_webmail_site_depends_on_google_alone_for_mail()
    {
        var report = await DemoReportAsync("quietharbor-consulting.com");

        var mail = Dependencies(report, "mail").Where(d => d.GetProperty("service").GetString() == "mail").ToList();
        Assert.All(mail, d => Assert.Equal("alphabet", OwnerOf(d)));
        Assert.Contains("mail-received", FunctionsOf(report, "alphabet"));
    }

    private static JsonElement Function(JsonElement report, string id) =>
        report.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task The_shop_platforms_own_dns_at_two_companies_is_a_pair_for_the_web_not_a_single_point()
    {
        var report = await DemoReportAsync("tinyteapot-shop.com");

        var cdn = Assert.Single(Dependencies(report, "cdn"));
        Assert.Empty(cdn.GetProperty("dependsOn").EnumerateArray());
        var shopify = Assert.Single(Dependencies(report, "hosting"), d => OwnerOf(d) == "shopify");
        var upstream = shopify.GetProperty("dependsOn").EnumerateArray().ToList();
        Assert.Equal(["dnsimple", "ibm"], upstream.Select(OwnerOf).Order(StringComparer.Ordinal).ToArray());
        Assert.All(upstream, d => Assert.Equal("myshopify.com", d.GetProperty("facts").GetProperty("upstream").GetProperty("zone").GetString()));
        var web = Function(report, "web-served");
        Assert.Contains("shopify", Strings(web.GetProperty("singlePoints")));
        Assert.DoesNotContain("dnsimple", Strings(web.GetProperty("singlePoints")));
        Assert.Contains(web.GetProperty("pairs").EnumerateArray(), pair => Strings(pair).Order(StringComparer.Ordinal).SequenceEqual(["dnsimple", "ibm"]));
        Assert.DoesNotContain(report.GetProperty("chokepoints").EnumerateArray(), c => c.GetProperty("entity").GetProperty("id").GetString()!.StartsWith("unknown:", StringComparison.Ordinal));
        var mail = report.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "mail");
        Assert.Contains(Strings(mail.GetProperty("notes")), note => note.Contains("null MX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cas_ocsp_responder_behind_another_cdn_can_break_certificate_status_only()
    {
        var report = await DemoReportAsync("twoca-demo.com");

        var ca = Assert.Single(Dependencies(report, "tls"));
        Assert.Contains(ca.GetProperty("dependsOn").EnumerateArray(), d => d.GetProperty("service").GetString() == "cdn" && OwnerOf(d) == "edgio");
        Assert.Equal(["certificate-status"], FunctionsOf(report, "edgio"));
        var edgio = report.GetProperty("chokepoints").EnumerateArray().Single(c => c.GetProperty("entity").GetProperty("id").GetString() == "edgio");
        Assert.Equal("low", edgio.GetProperty("severity").GetString());
        Assert.Contains(Strings(edgio.GetProperty("indirect")), line => line.Contains("DigiCert", StringComparison.Ordinal));
        Assert.DoesNotContain("edgio", Strings(Function(report, "https-trusted").GetProperty("singlePoints")));
    }
}
