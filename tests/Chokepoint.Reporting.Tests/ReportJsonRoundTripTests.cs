using System.Text.Json;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Tests.Html;
using Json.Schema;

namespace Chokepoint.Reporting.Tests;

public sealed class ReportJsonRoundTripTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every kind of fact, on the demo-like report's registrar.</summary>
    internal static DependencyFacts EveryFact { get; } = new()
    {
        Registrar = new RegistrarFacts { StatusCodes = ["client transfer prohibited"], TransferLocked = true, Expires = Day.AddYears(1), LastChanged = Day.AddDays(-30) },
        Delegation = new DelegationFacts
        {
            ParentNsTtl = 172800,
            NameServers = [new NameServerFacts { Host = "ns1.example.net", State = NameServerState.Lame, AtParent = true, Addresses = [new NetworkAddress { Ip = "192.0.2.53", Asn = 64500, AsOrganization = "EXAMPLE" }], Detail = "refused" }],
        },
        Upstream = new UpstreamFacts { Zone = "cdn.example", Reason = UpstreamReason.Ocsp, For = ["ocsp.ca.example"], Names = ["edge.cdn.example"], ZoneNsTtl = 3600, NameServers = ["ns1.cdn.example"] },
        Certificates =
        [
            new CertificateFacts
            {
                Host = "www.site.example", Issuer = "R11", NotBefore = Day, NotAfter = Day.AddDays(90), ValidityDays = 90,
                Automation = new IssuanceAutomation(true, AutomationReason.ShortValidity), OcspStapled = false, ValidationErrors = ["expired"],
            },
        ],
        Caa = new CaaFacts { Observed = true, Issuers = ["letsencrypt.org"] },
        Hosts = [new HostUse { Host = "www.site.example", Role = HostRole.Www, CnameTarget = "site.cdn.example" }, new HostUse { Host = "site.example", Role = HostRole.Response, Url = "https://site.example/", Header = "server: edge" }],
        PageUses = [new PageUse { Url = "https://js.example/a.js", Host = "js.example", Kind = ResourceKind.DnsPrefetch, Blocking = false }],
        Links = [new LinkUse { Url = "https://shop.example/?tag=site-20", Text = "Buy", Account = "tag=site-20" }],
        Exchangers = [new MailExchanger("mx1.mail.example", 10)],
        Sellers = [new AdsSeller("pub-1", SellerRelationship.Reseller)],
        ExposedOrigins = [new HostUse { Host = "origin.site.example", Role = HostRole.Origin, Address = new NetworkAddress { Ip = "198.51.100.7" } }],
    };

    private static AuditReport WithEveryFact()
    {
        var report = SampleReports.DemoLike();
        return report with
        {
            Layers = [.. report.Layers.Select(layer => layer with { Dependencies = [.. layer.Dependencies.Select(d => d with { Facts = EveryFact })] })],
        };
    }

    [Fact]
    public void A_report_with_every_fact_reads_back_to_the_same_content()
    {
        var json = ReportJson.Render(WithEveryFact());

        var read = JsonSerializer.Deserialize<AuditReport>(json, ReportJson.Options);

        Assert.NotNull(read);
        Assert.Equal(json, ReportJson.Render(read));
        Assert.Equal(SellerRelationship.Reseller, read.Layers[0].Dependencies[0].Facts?.Sellers?.Single().Relationship);
    }

    [Fact]
    public void A_report_with_every_fact_validates_against_the_published_schema()
    {
        using var document = JsonDocument.Parse(ReportJson.Render(WithEveryFact()));

        var result = ReportSchemaTests.LoadSchema().Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Values)));
    }

    [Fact]
    public void Vocabulary_values_keep_the_words_of_report_version_1()
    {
        var json = ReportJson.Render(WithEveryFact());

        Assert.Contains("\"layer\": \"registration\"", json, StringComparison.Ordinal);
        Assert.Contains("\"classification\": \"third-party\"", json, StringComparison.Ordinal);
        Assert.Contains("\"severity\": \"critical\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"dns-prefetch\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"details\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_views_turn_the_facts_into_words()
    {
        var markdown = Chokepoint.Reporting.Markdown.MarkdownRenderer.Render(WithEveryFact());
        var html = Chokepoint.Reporting.Html.HtmlRenderer.Render(WithEveryFact());

        foreach (var text in new[] { markdown, html })
        {
            Assert.Contains("transfer locked", text, StringComparison.Ordinal);
            Assert.Contains("ads.txt seller pub-1 RESELLER", text, StringComparison.Ordinal);
            Assert.Contains("automated issuance likely (short validity)", text, StringComparison.Ordinal);
            Assert.Contains("for OCSP responder ocsp.ca.example: edge.cdn.example", text, StringComparison.Ordinal);
        }
    }
}
