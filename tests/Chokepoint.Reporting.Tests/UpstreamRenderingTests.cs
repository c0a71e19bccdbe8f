using System.Text.Json;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;
using Chokepoint.Reporting.Html;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Markdown;
using Chokepoint.Reporting.Table;
using Chokepoint.Reporting.Tests.Html;
using Json.Schema;

namespace Chokepoint.Reporting.Tests;

/// <summary>What a provider itself relies on shows in every view, one level below that provider.</summary>
public sealed class UpstreamRenderingTests
{
    /// <summary>The demo-like news site with one DNS operator of fastly.net under its Fastly CDN.</summary>
    private static AuditReport WithCdnZoneDns(EntityRef company, string provider, Classification classification, string nameServer)
    {
        var report = SampleReports.DemoLike();
        var zoneDns = new Dependency
        {
            Entity = company,
            Service = ServiceKind.Dns,
            Provider = provider,
            Classification = classification,
            Facts = new DependencyFacts
            {
                Upstream = new UpstreamFacts
                {
                    Zone = "fastly.net",
                    Reason = UpstreamReason.Cname,
                    For = ["www.dailyledger-news.com"],
                    Names = ["dailyledger-news.global.ssl.fastly.net"],
                    NameServers = [nameServer],
                },
            },
            Evidence = [new Evidence("ns", nameServer)],
        };
        var layers = report.Layers.Select(layer => layer.Layer != Layer.Cdn ? layer : layer with
        {
            Dependencies = [.. layer.Dependencies.Select(cdn => cdn with { DependsOn = [.. cdn.DependsOn, zoneDns] })],
        });
        return report with { Layers = [.. layers] };
    }

    private static AuditReport WithCdnDns() => ReportAnalyzer.Default.Complete(
        WithCdnZoneDns(new EntityRef("dnsimple", "DNSimple Corporation", null), "DNSimple", Classification.ThirdParty, "ns1.dnsimple.com"));

    [Fact]
    public void The_table_markdown_and_html_show_the_providers_own_dns_under_it()
    {
        var report = WithCdnDns();

        // Wide enough that no cell wraps, read back as running text.
        var table = WrappedText.Flat(TableRenderer.Render(report, null, new TerminalOptions { Width = 250 }));
        var markdown = MarkdownRenderer.Render(report);
        var html = HtmlRenderer.Render(report);

        Assert.Contains("↳ DNSimple Corporation", table, StringComparison.Ordinal);
        Assert.Contains("dns of zone fastly.net: DNSimple", table, StringComparison.Ordinal);
        Assert.Contains("| ↳ DNSimple Corporation | dns of zone fastly.net: DNSimple |", markdown, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"upstream single\"><td>↳ DNSimple Corporation</td>", html, StringComparison.Ordinal);
        Assert.Contains("indirect: dns (DNSimple, zone fastly.net) behind Fastly, Inc. cdn (Fastly)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_graph_joins_the_web_function_to_the_indirect_dns_and_marks_its_company()
    {
        var report = WithCdnDns();

        var graph = DependencyGraph.Build(report);

        var service = Assert.Single(graph.Nodes, n => n.Column == GraphColumn.Service && n.Title == "DNSimple, zone fastly.net");
        Assert.Contains("behind Fastly", service.Subtitle, StringComparison.Ordinal);
        Assert.Contains(graph.Edges, e => e.From == "function:" + SiteModelBuilder.WebServed && e.To == service.Id && e.Critical);
        var company = Assert.Single(graph.Nodes, n => n.Id == "company:dnsimple");
        Assert.True(company.SinglePointOfFailure);
    }

    [Fact]
    public void A_report_with_nested_dependencies_validates_against_the_schema()
    {
        var schema = ReportSchemaTests.LoadSchema();
        using var document = JsonDocument.Parse(ReportJson.Render(WithCdnDns()));

        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Values)));
        Assert.Contains("\"dependsOn\"", document.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_provider_runs_itself_is_not_shown_as_a_single_point()
    {
        var report = WithCdnZoneDns(new EntityRef("fastly", "Fastly, Inc.", null), "own nameservers of fastly.net", Classification.Private, "ns1.fastly.net");

        var markdown = MarkdownRenderer.Render(report);
        var html = HtmlRenderer.Render(report);

        Assert.Contains("| no (run by the provider itself) | provider's own |", markdown, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"upstream own\">", html, StringComparison.Ordinal);
    }
}
