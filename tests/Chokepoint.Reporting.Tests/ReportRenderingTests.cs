using System.Text.Json;
using Chokepoint.Model;
using Chokepoint.Reporting.Html;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Markdown;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Reporting.Tests;

public sealed class ReportRenderingTests
{
    private static AuditReport Sample() => new()
    {
        Domain = "shop.example",
        CollectedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        Network = "demo",
        Layers =
        [
            new LayerReport
            {
                Layer = Layer.Dns,
                Dependencies =
                [
                    new Dependency
                    {
                        Entity = new EntityRef("amazon", "Amazon.com, Inc.", null),
                        Service = ServiceKind.Dns,
                        Provider = "Amazon Route 53",
                        Classification = Classification.ThirdParty,
                        Redundant = false,
                        Evidence = [new Evidence("ns", "ns-1.awsdns-01.org", "awsdns-*.org", "https://docs.aws.amazon.com/")],
                    },
                ],
            },
            new LayerReport
            {
                Layer = Layer.Tls,
                Unobserved = [new UnobservedItem("tls", "connection refused")],
            },
        ],
        Chokepoints =
        [
            new ChokepointReport
            {
                Entity = new EntityRef("amazon", "Amazon.com, Inc.", null),
                Functions = ["name-resolves"],
                Severity = Severity.Critical,
                TimeToRecover = new TimeToRecoverReport { Low = TimeSpan.FromHours(2), High = TimeSpan.FromHours(50), Summary = "2 h to 2 d 2 h" },
            },
        ],
        Grade = "D",
        GradeExplanation = "one company can alone break a critical function",
    };

    /// <summary>Regression: the terminal view dropped the grade line of a report that was not graded, saying nothing.</summary>
    [Fact]
    public void A_report_that_is_not_graded_says_so_and_why_in_every_view()
    {
        var report = Sample() with { Grade = null, GradeExplanation = "not graded: DNS was not observed: timed out after 3 s" };

        Assert.Contains("Exposure grade: not graded DNS was not observed: timed out after 3 s", WrappedText.Flat(TableRenderer.Render(report)), StringComparison.Ordinal);
        Assert.Contains("DNS was not observed", MarkdownRenderer.Render(report), StringComparison.Ordinal);
        Assert.Contains("DNS was not observed", HtmlRenderer.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_uses_the_documented_field_names()
    {
        using var document = JsonDocument.Parse(ReportJson.Render(Sample()));
        var root = document.RootElement;

        Assert.Equal("shop.example", root.GetProperty("domain").GetString());
        var layer = root.GetProperty("layers")[0];
        Assert.Equal("dns", layer.GetProperty("layer").GetString());
        var dependency = layer.GetProperty("dependencies")[0];
        Assert.Equal("amazon", dependency.GetProperty("entity").GetProperty("id").GetString());
        Assert.Equal("third-party", dependency.GetProperty("classification").GetString());
        Assert.False(dependency.GetProperty("redundant").GetBoolean());
        Assert.Equal("ns-1.awsdns-01.org", dependency.GetProperty("evidence")[0].GetProperty("value").GetString());
        Assert.Equal("connection refused", root.GetProperty("layers")[1].GetProperty("unobserved")[0].GetProperty("reason").GetString());
        Assert.Equal("D", root.GetProperty("grade").GetString());
        Assert.Equal("critical", root.GetProperty("chokepoints")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public void Table_groups_by_layer_and_says_what_was_not_observed()
    {
        var text = WrappedText.Flat(TableRenderer.Render(Sample()));

        Assert.Contains("── DNS ─", text, StringComparison.Ordinal);
        Assert.Contains("Amazon.com, Inc.", text, StringComparison.Ordinal);
        Assert.Contains("single", text, StringComparison.Ordinal);
        Assert.Contains("not observed: tls: connection refused", text, StringComparison.Ordinal);
        Assert.Contains("Exposure grade: D", text, StringComparison.Ordinal);
        Assert.Contains("CRITICAL Amazon.com, Inc. can break: name-resolves", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_view_marks_an_inherent_chokepoint_and_only_that_one()
    {
        var registry = new ChokepointReport
        {
            Entity = new EntityRef("verisign", "VeriSign, Inc.", null),
            Functions = ["name-resolves"],
            Severity = Severity.Critical,
            Inherent = true,
            InherentReason = "every .example name has one registry",
            Services = ["registry"],
        };
        var report = Sample() with { Chokepoints = [.. Sample().Chokepoints, registry] };
        const string Mark = "inherent: every .example name has one registry";

        foreach (var view in new[] { WrappedText.Flat(TableRenderer.Render(report)), MarkdownRenderer.Render(report), HtmlRenderer.Render(report) })
        {
            Assert.Equal(2, view.Split(Mark).Length);
        }

        using var document = JsonDocument.Parse(ReportJson.Render(report));
        var chokepoints = document.RootElement.GetProperty("chokepoints");
        Assert.False(chokepoints[0].GetProperty("inherent").GetBoolean());
        Assert.True(chokepoints[1].GetProperty("inherent").GetBoolean());
        Assert.Equal("every .example name has one registry", chokepoints[1].GetProperty("inherentReason").GetString());
    }

    [Fact]
    public void Json_array_holds_every_report()
    {
        using var document = JsonDocument.Parse(ReportJson.RenderMany([Sample(), Sample() with { Domain = "b.example" }]));

        Assert.Equal(2, document.RootElement.GetArrayLength());
        Assert.Equal("b.example", document.RootElement[1].GetProperty("domain").GetString());
    }
}
