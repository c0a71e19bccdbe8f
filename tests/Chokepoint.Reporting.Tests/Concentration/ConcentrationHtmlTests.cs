using System.Globalization;
using System.Xml.Linq;
using Chokepoint.Reporting.Concentration;
using Chokepoint.Reporting.Tests.Html;

namespace Chokepoint.Reporting.Tests.Concentration;

public sealed class ConcentrationHtmlTests
{
    [Fact]
    public void Page_is_well_formed_with_headlines_definitions_layers_functions_and_companies()
    {
        var page = HtmlRendererTests.Parse(ConcentrationHtmlRenderer.Render(ConcentrationSamples.Sample()));

        Assert.Equal("Chokepoint concentration across 10 sites", Elements(page, "title").First().Value);
        Assert.Equal("Chokepoint concentration across 10 sites", Elements(page, "h1").Single().Value);
        foreach (var id in new[] { "headlines", "how-to-read", "layers", "functions", "companies" })
        {
            Assert.Single(Elements(page, "section"), e => (string?)e.Attribute("id") == id);
        }

        var headline = Elements(page, "li").Single(e => (string?)e.Attribute("data-headline") == "dns-cdn-ca");
        Assert.Equal("DNS, CDN or CA: 3 of 8 decided sites (37.5%) critically depend on at least one third party in DNS, CDN or TLS certificates; 2 undetermined (a layer not observed)", headline.Value);
        Assert.Contains(Elements(page, "dt"), dt => dt.Value == "HHI");
        Assert.Equal(["registration", "dns", "cdn", "tls"], Elements(page, "div").Where(e => Class(e) == "layer").Select(e => (string?)e.Attribute("data-layer")));
        Assert.DoesNotContain(Elements(page, "script"), _ => true);
    }

    [Fact]
    public void A_layer_table_has_shares_of_observed_sites_and_its_caption()
    {
        var page = HtmlRendererTests.Parse(ConcentrationHtmlRenderer.Render(ConcentrationSamples.Sample()));
        var dns = Layer(page, "dns");
        var table = Elements(dns, "table").Single();

        var rows = Elements(table, "tbody").Single().Elements().Select(row => row.Elements().Select(cell => cell.Value).ToArray()).ToList();
        Assert.Equal(["Amazon.com, Inc.", "3", "37.5%", "1", "12.5%"], rows[0]);
        Assert.Equal(["Cloudflare, Inc.", "3", "37.5%", "3", "37.5%"], rows[1]);
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("Shares are of the 8 sites whose DNS layer was observed", Elements(table, "caption").Single().Value, StringComparison.Ordinal);
        Assert.Equal("88.9%", Elements(dns, "strong").Single(e => Class(e) == "cr3").Value);
        Assert.Equal("0.2840 (highly concentrated)", Elements(dns, "strong").Single(e => Class(e) == "hhi").Value);
        Assert.Equal("0.2099", Elements(Layer(page, "tls"), "strong").Single(e => Class(e) == "hhi").Value);
    }

    [Fact]
    public void A_layer_not_observed_has_no_table_and_no_chart()
    {
        var html = ConcentrationHtmlRenderer.Render(ConcentrationSamples.Sample());
        var cdn = Layer(HtmlRendererTests.Parse(html), "cdn");

        Assert.StartsWith("Not observed on any site; 10 incomplete", Elements(cdn, "p").Single().Value, StringComparison.Ordinal);
        Assert.Empty(Elements(cdn, "table"));
        Assert.Empty(Elements(cdn, "svg"));
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_are_as_long_as_the_shares_of_observed_sites()
    {
        var report = ConcentrationSamples.Sample();
        var page = HtmlRendererTests.Parse(ConcentrationHtmlRenderer.Render(report));
        var layer = report.Layers.Single(l => l.Layer == Model.Layer.Dns);
        var svg = Elements(Layer(page, "dns"), "svg").Single(e => Class(e) == "chart bars");

        Assert.NotEmpty(Elements(svg, "title").First().Value);
        Assert.NotEmpty((string?)svg.Attribute("aria-label") ?? "");
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Contains("Cloudflare, Inc.: used by 3 of 8 (37.5%), critical for 3 of 8 (37.5%)", Elements(svg, "desc").Single().Value, StringComparison.Ordinal);

        var groups = Elements(svg, "g").Where(g => g.Attribute("data-company") is not null).ToList();
        Assert.Equal(["amazon", "cloudflare", "ns1", "godaddy"], groups.Select(g => (string?)g.Attribute("data-company")));
        var scale = new List<double>();
        foreach (var group in groups)
        {
            var id = (string)group.Attribute("data-company")!;
            var uses = Elements(group, "rect").Single(r => Class(r) == "bar uses");
            var critical = Elements(group, "rect").Single(r => Class(r) == "bar critical");
            Assert.Equal((double)layer.Uses[id] / layer.Observed, Number(uses, "data-share"), 4);
            Assert.Equal((double)layer.CriticalOn.GetValueOrDefault(id) / layer.Observed, Number(critical, "data-share"), 4);
            Assert.NotEmpty(Elements(uses, "title").Single().Value);
            foreach (var bar in new[] { uses, critical })
            {
                if (Number(bar, "data-share") > 0)
                {
                    scale.Add(Number(bar, "width") / Number(bar, "data-share"));
                }
                else
                {
                    Assert.Equal(0, Number(bar, "width"));
                }
            }
        }

        // One scale for every bar: widths are proportional to shares.
        Assert.All(scale, s => Assert.Equal(scale[0], s, 2));
        Assert.True(scale[0] > 100);
    }

    [Fact]
    public void The_cumulative_curve_rises_to_100_percent_with_the_top_three_marked()
    {
        var report = ConcentrationSamples.Sample();
        var page = HtmlRendererTests.Parse(ConcentrationHtmlRenderer.Render(report));
        var layer = report.Layers.Single(l => l.Layer == Model.Layer.Dns);
        var svg = Elements(Layer(page, "dns"), "svg").Single(e => Class(e) == "chart curve");

        Assert.NotEmpty(Elements(svg, "title").First().Value);
        Assert.Contains("the top 3 hold 88.9% of them; all of them 100%", Elements(svg, "desc").Single().Value, StringComparison.Ordinal);
        var points = Elements(svg, "circle").Where(c => Class(c) == "point").ToList();
        Assert.Equal(layer.Uses.Count, points.Count);
        Assert.Equal([3.0 / 9, 6.0 / 9, 8.0 / 9, 1.0], points.Select(p => Number(p, "data-cumulative")), new Tolerance(0.0001));
        var top3 = Elements(svg, "circle").Single(c => Class(c) == "top3");
        Assert.Equal(Math.Round(layer.Top3Share, 4), Number(top3, "data-cumulative"));

        // The line starts at 0 and ends on the 100% grid line, rising all the way.
        var line = Elements(svg, "polyline").Single();
        var ys = ((string)line.Attribute("points")!).Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        var grid = Elements(svg, "line").Where(l => (string?)l.Attribute("y1") == (string?)l.Attribute("y2")).Select(l => Number(l, "y1")).ToList();
        Assert.Equal(grid.Max(), ys[0], 4);
        Assert.Equal(grid.Min(), ys[^1], 4);
        Assert.True(ys.Zip(ys.Skip(1)).All(pair => pair.Second <= pair.First));
    }

    [Fact]
    public void Markup_in_names_and_history_is_encoded_everywhere_including_the_charts()
    {
        var report = ConcentrationSamples.Sample(ConcentrationSamples.HostileName, history: "<img src=x onerror=alert(1)>");
        var html = ConcentrationHtmlRenderer.Render(report);
        var page = HtmlRendererTests.Parse(html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "script" or "img" or "iframe" or "object" or "a" && e.Attribute("href") is { } href && !href.Value.StartsWith('#'));
        Assert.DoesNotContain(page.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(Elements(page, "td"), td => td.Value.StartsWith("<script>alert('x')</script> [click]", StringComparison.Ordinal));
        Assert.Contains(Elements(page, "li"), li => li.Value == "<img src=x onerror=alert(1)>");
        var bars = Elements(Layer(page, "dns"), "svg").Single(e => Class(e) == "chart bars");
        Assert.Contains(Elements(bars, "text"), t => t.Value.StartsWith("<script>alert(", StringComparison.Ordinal) && t.Value.EndsWith('…'));
    }

    [Fact]
    public void Nothing_is_fetched()
    {
        var html = ConcentrationHtmlRenderer.Render(ConcentrationSamples.Sample());

        Assert.Contains("default-src &#39;none&#39;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.All(HtmlRendererTests.Parse(html).Descendants().Attributes("href"), href => Assert.StartsWith("#", href.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Long_lists_stop_at_ten_in_tables_and_bars_the_curve_has_every_company()
    {
        var page = HtmlRendererTests.Parse(ConcentrationHtmlRenderer.Render(ConcentrationSamples.Many(15)));
        var dns = Layer(page, "dns");

        Assert.Equal(10, Elements(Elements(dns, "tbody").Single(), "tr").Count());
        Assert.Contains(Elements(dns, "p"), p => p.Value == "And 5 more (12.5% of uses).");
        Assert.Equal(10, Elements(dns, "rect").Count(r => Class(r) == "bar uses"));
        Assert.Equal(15, Elements(dns, "circle").Count(c => Class(c) == "point"));
        Assert.Equal(10, Elements(Elements(page, "table").Single(t => Class(t) == "company-list"), "tbody").Single().Elements().Count());
    }

    private static XElement Layer(XDocument page, string layer) =>
        Elements(page, "div").Single(e => Class(e) == "layer" && (string?)e.Attribute("data-layer") == layer);

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static IEnumerable<XElement> Elements(XContainer root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    private static string Class(XElement element) => (string?)element.Attribute("class") ?? "";

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
