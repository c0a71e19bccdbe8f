using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Chokepoint.Model;
using Chokepoint.Reporting.Html;

namespace Chokepoint.Reporting.Tests.Html;

public sealed partial class HtmlRendererTests
{
    [Fact]
    public void Page_is_one_well_formed_document_with_every_section()
    {
        var report = SampleReports.DemoLike();
        var page = Parse(HtmlRenderer.Render(report));

        Assert.Equal("html", page.Root!.Name.LocalName);
        Assert.Equal("Chokepoint audit: dailyledger-news.com (grade F)", Single(page, "title").Value);
        Assert.Equal("Chokepoint audit: dailyledger-news.com", Single(page, "h1").Value);
        Assert.Equal("F", Elements(page, "span").Single(e => Class(e) == "letter").Value);
        foreach (var id in new[] { "chokepoints", "graph", "functions", "layers", "recovery" })
        {
            Assert.Single(page.Descendants(), e => e.Name.LocalName == "section" && (string?)e.Attribute("id") == id);
        }

        var chokepointRows = Elements(page, "table").Single(e => Class(e) == "chokepoints").Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).ToList();
        Assert.Equal(report.Chokepoints.Count, chokepointRows.Count);
        Assert.Equal(["GoDaddy Inc.", "The name resolves, Web pages are served, HTTPS is trusted, Mail is received, Advertising revenue", "critical", "65 min - 10 days to restore \"The name resolves\""], Cells(chokepointRows[0]));
        var layerTables = Elements(page, "table").Where(e => Class(e) == "layer").ToList();
        Assert.Equal(report.Layers.Count(layer => layer.Dependencies.Count > 0), layerTables.Count);
        var dns = layerTables.Single(table => (string?)table.Attribute("data-layer") == "dns");
        Assert.Equal(["NS1 (International Business Machines Corporation)", "dns: NS1 Managed DNS", "yes", "redundant", "ns dns1.p01.nsone.netrule nsone.net · source https://ns1.com/"], Cells(dns.Descendants().Where(e => e.Name.LocalName == "tr").Last()));
        var unobserved = Elements(page, "ul").Where(e => Class(e) == "unobserved").SelectMany(e => e.Elements()).Select(e => e.Value).ToList();
        Assert.Equal(["hosting.origin: the origin is hidden behind Fastly, Inc.; only the edge was seen", "dns.caa: the CAA lookup timed out after 5 s"], unobserved);
    }

    [Fact]
    public void Recovery_steps_assumptions_and_history_are_shown_and_print()
    {
        var html = HtmlRenderer.Render(SampleReports.DemoLike());
        var page = Parse(html);

        var details = Elements(page, "details").ToList();
        Assert.Equal(5, details.Count);
        Assert.All(details, d => Assert.Equal("open", (string?)d.Attribute("open")));
        Assert.Equal("Time to recover: 65 min - 10 days to restore \"The name resolves\"", Single(details[0], "summary").Value);
        Assert.Equal(2, Elements(details[0], "ol").Single().Elements().Count());
        Assert.Equal("gTLD rules (ICANN Transfer Policy)", Elements(details[0], "ul").Single().Elements().Single().Value);
        var history = Elements(page, "ul").First(e => Class(e) == "history");
        Assert.Equal(2, Elements(history, "li").Count(li => li.Parent != history));
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_tag_in_a_provider_name_is_encoded_not_run()
    {
        var html = HtmlRenderer.Render(SampleReports.DemoLike(dnsProvider: SampleReports.HostileProvider));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dns: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; DNS", html, StringComparison.Ordinal);
        var page = Parse(html);
        Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "script" or "iframe" or "object" or "embed" or "img" or "link");
        Assert.DoesNotContain(page.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Elements(page, "td"), td => td.Value == "dns: " + SampleReports.HostileProvider);
    }

    [Fact]
    public void Nothing_is_fetched_from_anywhere()
    {
        AuditReport[] reports = [SampleReports.DemoLike(), SampleReports.DemoLike(domain: "b.example")];
        foreach (var html in new[] { HtmlRenderer.Render(reports[0]), HtmlRenderer.RenderMany(reports) })
        {
            var references = ReferenceAttribute().Matches(html).Select(m => m.Groups["value"].Value).ToList();
            Assert.All(references, value => Assert.True(value.StartsWith('#') || value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal), value));
            Assert.DoesNotMatch(CssUrl(), html);
            Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("default-src &#39;none&#39;", html, StringComparison.Ordinal);

            // A URL is a link to follow (never a resource the page loads) or text; a link opens without handing the page over.
            var page = Parse(html);
            Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "img" or "link" or "iframe" or "object" or "embed" or "source" or "image" or "use");
            var links = Elements(page, "a").Where(a => !((string)a.Attribute("href")!).StartsWith('#')).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, a => Assert.Equal("noopener noreferrer", (string?)a.Attribute("rel")));
            var urlTexts = page.DescendantNodes().OfType<XText>().Where(t => WebAddress().IsMatch(t.Value)).ToList();
            Assert.NotEmpty(urlTexts);
            Assert.All(urlTexts, text => Assert.True(text.Parent!.Name.LocalName == "a" || Class(text.Parent) == "source", text.Value));
            Assert.All(page.Descendants().Attributes().Where(a => a.Name.LocalName != "href"), attribute => Assert.DoesNotMatch(WebAddress(), attribute.Value));
        }
    }

    [Fact]
    public void Graph_has_one_node_per_function_service_and_company_and_marks_single_points()
    {
        var report = SampleReports.DemoLike();
        var svg = Svg(Parse(HtmlRenderer.Render(report)));

        var nodes = svg.Descendants().Where(e => e.Name.LocalName == "g" && e.Attribute("data-node") is not null).ToList();
        Assert.Equal(report.Functions.Select(f => "function:" + f.Id), NodeIds(nodes, "function"));
        var services = report.Layers.SelectMany(l => l.Dependencies).Count();
        Assert.Equal(services, NodeIds(nodes, "service").Distinct().Count());
        Assert.Equal(services, NodeIds(nodes, "service").Count);
        Assert.Equal(SampleReports.CompanyIds(report).Select(id => "company:" + id).Order(), NodeIds(nodes, "company").Order());

        var marked = nodes.Where(n => (string?)n.Attribute("data-spof") == "true").ToList();
        Assert.Equal(report.Chokepoints.Select(c => "company:" + c.Entity.Id).Order(), marked.Select(n => (string)n.Attribute("data-id")!).Order());
        Assert.All(marked, node =>
        {
            Assert.Equal("#c0392b", (string?)Single(node, "rect").Attribute("stroke"));
            Assert.StartsWith("single point of failure", node.Elements().Where(e => e.Name.LocalName == "text").Last().Value, StringComparison.Ordinal);
        });
        var magnite = nodes.Single(n => (string?)n.Attribute("data-id") == "company:magnite");
        Assert.NotEqual("#c0392b", (string?)Single(magnite, "rect").Attribute("stroke"));
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.StartsWith("single point of failure (", StringComparison.Ordinal));
    }

    [Fact]
    public void Graph_edges_follow_the_dependency_model()
    {
        var report = SampleReports.DemoLike();
        var svg = Svg(Parse(HtmlRenderer.Render(report)));
        var ids = svg.Descendants().Select(e => (string?)e.Attribute("data-id")).OfType<string>().ToHashSet();
        var edges = svg.Descendants().Where(e => e.Name.LocalName == "path")
            .Select(e => (From: (string)e.Attribute("data-from")!, To: (string)e.Attribute("data-to")!, Critical: Class(e).Contains("critical", StringComparison.Ordinal)))
            .ToList();

        Assert.All(edges, edge => Assert.True(ids.Contains(edge.From) && ids.Contains(edge.To), $"{edge.From} -> {edge.To} joins unknown nodes"));
        var nameNeeds = edges.Where(e => e.From == "function:name-resolves").Select(e => e.To).Order().ToList();
        Assert.Equal(
            ["service:dns|godaddy|GoDaddy DNS", "service:dns|ibm|NS1 Managed DNS", "service:registrar|godaddy|GoDaddy", "service:registry|verisign|Verisign"],
            nameNeeds);
        Assert.Contains(edges, e => e == ("function:name-resolves", "service:registrar|godaddy|GoDaddy", true));
        Assert.Contains(edges, e => e == ("function:name-resolves", "service:dns|ibm|NS1 Managed DNS", false));
        Assert.Contains(edges, e => e == ("function:name-resolves", "service:dns|godaddy|GoDaddy DNS", false));
        Assert.Contains(edges, e => e == ("service:ca|gmo-internet|GlobalSign", "company:gmo-internet", true));
        Assert.Contains(edges, e => e == ("service:ad-exchange|magnite|Magnite (Rubicon Project)", "company:magnite", false));
        Assert.DoesNotContain(edges, e => e.From == "function:mail-received" && e.To.Contains("cdn", StringComparison.Ordinal));
    }

    [Fact]
    public void Graph_layout_is_deterministic_and_boxes_do_not_overlap()
    {
        var report = SampleReports.DemoLike();
        var graph = DependencyGraph.Build(report);

        Assert.Equal(graph.Nodes, DependencyGraph.Build(SampleReports.DemoLike()).Nodes);
        Assert.Equal(HtmlRenderer.Render(report), HtmlRenderer.Render(SampleReports.DemoLike()));
        foreach (var column in graph.Nodes.GroupBy(node => node.Column))
        {
            Assert.Single(column.Select(node => node.X).Distinct());
            var boxes = column.ToList();
            Assert.All(boxes.Zip(boxes.Skip(1)), pair => Assert.True(pair.Second.Y - pair.First.Y >= pair.First.Height, "boxes overlap"));
        }

        Assert.All(graph.Nodes, node => Assert.True(node.X + DependencyGraph.NodeWidth <= graph.Width && node.Y + node.Height <= graph.Height));
        var services = graph.Nodes.Where(node => node.Column == GraphColumn.Service).Select(node => node.Id).ToList();
        Assert.Equal("service:registry|verisign|Verisign", services[0]);
        Assert.Equal("service:ad-exchange|magnite|Magnite (Rubicon Project)", services[^1]);
    }

    [Fact]
    public void Render_many_puts_every_report_in_one_page_with_contents()
    {
        AuditReport[] reports = [SampleReports.DemoLike(), SampleReports.DemoLike(domain: "b.example") with { Grade = "D" }];
        var page = Parse(HtmlRenderer.RenderMany(reports));

        var links = Elements(page, "nav").Single(e => Class(e) == "toc").Descendants().Where(e => e.Name.LocalName == "a").ToList();
        Assert.Equal(["dailyledger-news.com", "b.example"], links.Select(a => a.Value));
        var articles = Elements(page, "article").ToList();
        Assert.Equal(links.Select(a => ((string)a.Attribute("href")!)[1..]), articles.Select(a => (string)a.Attribute("id")!));
        Assert.Equal(["Chokepoint audit: dailyledger-news.com", "Chokepoint audit: b.example"], articles.Select(a => Single(a, "h2").Value));
        Assert.Equal(2, Elements(page, "svg").Count());
        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Single(Elements(page, "h1"));
    }

    [Fact]
    public void An_empty_report_still_renders_a_valid_page()
    {
        var report = new AuditReport { Domain = "empty.example" };
        var page = Parse(HtmlRenderer.Render(report));

        Assert.Equal("Chokepoint audit: empty.example (grade not graded)", Single(page, "title").Value);
        Assert.DoesNotContain(Svg(page).Descendants(), e => e.Attribute("data-node") is not null);
        Assert.Contains(Elements(page, "p"), p => p.Value == "No single company can alone break a function of this site.");
    }

    internal static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    private static XElement Svg(XDocument page) => Elements(page, "svg").Single();

    private static List<string> NodeIds(List<XElement> nodes, string kind) =>
        nodes.Where(n => (string?)n.Attribute("data-node") == kind).Select(n => (string)n.Attribute("data-id")!).ToList();

    private static IEnumerable<XElement> Elements(XContainer root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    private static XElement Single(XContainer root, string name) => Elements(root, name).First();

    private static string Class(XElement element) => (string?)element.Attribute("class") ?? "";

    private static List<string> Cells(XElement row) => row.Elements().Select(cell => cell.Value).ToList();

    [GeneratedRegex("""\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*["']?(?<value>[^"'\s>]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceAttribute();

    [GeneratedRegex(@"(?:https?:)?//[a-z0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"url\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
