using Chokepoint.Analysis.Concentration;
using Chokepoint.Reporting.Concentration;
using Chokepoint.Reporting.Table;
using Chokepoint.Reporting.Tests.Html;

namespace Chokepoint.Reporting.Tests.Concentration;

/// <summary>Every view, on the summaries that could trip one: nothing at all, layers not observed, huge counts, hostile names.</summary>
public sealed class ConcentrationEdgeCaseTests
{
    public static TheoryData<string> Samples => ["sample", "empty", "huge", "hostile", "many"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_view_shows_NaN_or_infinity(string sample)
    {
        foreach (var (view, text) in Views(Report(sample)))
        {
            Assert.False(string.IsNullOrWhiteSpace(text), view);
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
            Assert.DoesNotContain("∞", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_page_is_well_formed_and_every_chart_is_labelled(string sample)
    {
        var page = HtmlRendererTests.Parse(ConcentrationHtmlRenderer.Render(Report(sample)));

        var charts = page.Descendants().Where(e => e.Name.LocalName == "svg").ToList();
        Assert.All(charts, svg =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)svg.Attribute("aria-label")));
            Assert.Contains(svg.Elements(), e => e.Name.LocalName == "title" && e.Value.Length > 0);
            Assert.Contains(svg.Elements(), e => e.Name.LocalName == "desc" && e.Value.Length > 0);
            Assert.Equal("figure", svg.Parent!.Name.LocalName);
            Assert.Contains(svg.Parent.Elements(), e => e.Name.LocalName == "figcaption");
        });
    }

    [Fact]
    public void An_empty_summary_says_there_is_nothing_and_every_layer_is_not_observed()
    {
        var report = ConcentrationSamples.Empty();
        foreach (var (view, text) in Views(report).Where(v => v.View != "json"))
        {
            Assert.Contains("No site was added", text, StringComparison.Ordinal);
            Assert.Contains("0 of 0 decided sites (—)", text, StringComparison.Ordinal);
            Assert.Equal(report.Layers.Count, Count(text.ToUpperInvariant(), "NOT OBSERVED ON ANY SITE") - 1);
        }
    }

    [Fact]
    public void Huge_counts_are_shown_in_full()
    {
        foreach (var (view, text) in Views(ConcentrationSamples.Huge()).Where(v => v.View != "json"))
        {
            var flat = string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("2,147,483,647 of 4,294,967,294 decided sites (50%)", flat, StringComparison.Ordinal);
            Assert.Contains("0.5000 (highly concentrated)", flat, StringComparison.Ordinal);
            Assert.True(text.Contains("100%", StringComparison.Ordinal), view);
        }
    }

    [Fact]
    public void A_company_without_a_name_is_shown_by_its_id()
    {
        foreach (var (view, text) in Views(ConcentrationSamples.Sample()))
        {
            Assert.True(text.Contains("no-name-ca", StringComparison.Ordinal), view);
            Assert.True(text.Contains("ocsp-only", StringComparison.Ordinal), view);
        }
    }

    [Fact]
    public void Every_view_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => ConcentrationTableRenderer.Render(null!, TerminalOptions.Plain));
        Assert.Throws<ArgumentNullException>(() => ConcentrationTableRenderer.Render(ConcentrationSamples.Empty(), null!));
        Assert.Throws<ArgumentNullException>(() => ConcentrationMarkdownRenderer.Render(null!));
        Assert.Throws<ArgumentNullException>(() => ConcentrationHtmlRenderer.Render(null!));
    }

    private static ConcentrationReport Report(string sample) => sample switch
    {
        "empty" => ConcentrationSamples.Empty(),
        "huge" => ConcentrationSamples.Huge(),
        "hostile" => ConcentrationSamples.Sample(ConcentrationSamples.HostileName, history: ConcentrationSamples.HostileName),
        "many" => ConcentrationSamples.Many(40),
        _ => ConcentrationSamples.Sample(),
    };

    private static IEnumerable<(string View, string Text)> Views(ConcentrationReport report) =>
    [
        ("table", ConcentrationTableRenderer.Render(report, TerminalOptions.Plain)),
        ("markdown", ConcentrationMarkdownRenderer.Render(report)),
        ("html", ConcentrationHtmlRenderer.Render(report)),
        ("json", ConcentrationJson.Serialize(report)),
    ];

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
