using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Chokepoint.Model;
using Chokepoint.Planning.Plans;
using Chokepoint.Reporting.Html;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>The parts of the HTML view a reader acts on: banners, what to do first, the plan, links, the graph's names.</summary>
public sealed class HtmlActionTests
{
    [Fact]
    public void State_banners_come_before_any_grade()
    {
        var report = SampleReports.DemoLike() with
        {
            Status =
            [
                new SiteState { Kind = SiteStateKind.OnHold, Text = "dailyledger-news.com is on hold (clientHold): it does not resolve now", By = "GoDaddy", Contact = "abuse@godaddy.com" },
                new SiteState { Kind = SiteStateKind.BudgetCut, Text = "the time budget ran out before every probe finished" },
            ],
        };
        var page = HtmlRendererTests.Parse(HtmlRenderer.Render(report));

        var order = page.Descendants().ToList();
        var banners = order.Where(e => Class(e).Split(' ').Contains("banner")).ToList();
        Assert.Equal(["on-hold", "budget-cut"], banners.Select(b => (string)b.Attribute("data-state")!));
        Assert.All(banners, banner => Assert.Equal("alert", (string?)banner.Attribute("role")));
        Assert.StartsWith("ON HOLD: dailyledger-news.com is on hold (clientHold)", banners[0].Value, StringComparison.Ordinal);
        Assert.Contains("Set by GoDaddy · contact abuse@godaddy.com", banners[0].Value, StringComparison.Ordinal);
        var grade = order.First(e => Class(e).StartsWith("grade ", StringComparison.Ordinal));
        Assert.All(banners, banner => Assert.True(order.IndexOf(banner) < order.IndexOf(grade), "a banner comes after the grade"));
    }

    [Fact]
    public void A_withheld_grade_is_a_banner_with_its_bound_and_what_was_not_seen()
    {
        var sample = SampleReports.DemoLike();
        var functions = sample.Functions.Select((f, i) => i == 0 ? f with { Coverage = Coverage.PartlyObserved, Gaps = ["dns.ns: the NS lookup timed out"] } : f).ToList();
        var report = sample with { Grade = null, GradeBound = "D", Complete = false, Functions = functions };
        var page = HtmlRendererTests.Parse(HtmlRenderer.Render(report));

        var banner = page.Descendants().Single(e => (string?)e.Attribute("data-state") == "not-graded");
        Assert.StartsWith("NOT GRADED: ", banner.Value, StringComparison.Ordinal);
        Assert.Contains("grades D, so the site grades D or worse", banner.Value, StringComparison.Ordinal);
        Assert.Contains("The name resolves: partly observed (dns.ns: the NS lookup timed out)", banner.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Descendants(), e => (string?)e.Attribute("data-state") == "not-graded" && e.Value.Contains("grade F", StringComparison.Ordinal));

        var held = sample with { Grade = null, GradeBound = null, GradeExplanation = "not graded: the domain is on hold and offline now" };
        var heldBanner = HtmlRendererTests.Parse(HtmlRenderer.Render(held)).Descendants().Single(e => (string?)e.Attribute("data-state") == "not-graded");
        Assert.Equal("NOT GRADED: the grade is withheld: the domain is on hold and offline now.", heldBanner.Value);

        var graded = HtmlRendererTests.Parse(HtmlRenderer.Render(sample));
        Assert.DoesNotContain(graded.Descendants(), e => (string?)e.Attribute("data-state") == "not-graded");
    }

    [Fact]
    public void What_to_do_first_is_the_top_three_steps_right_after_the_summary()
    {
        var report = DemoReports.Load(DemoReports.DailyLedger);
        var plan = DemoReports.PlanOf(report);
        var page = HtmlRendererTests.Parse(HtmlRenderer.Render(report, plan));

        Assert.True(plan.Steps.Count > 3, "the plan has too few steps to show a choice");
        var article = Elements(page, "article").Single();
        var afterSummary = article.Elements().SkipWhile(e => e.Name.LocalName == "header").First();
        Assert.Equal("first-steps", (string?)afterSummary.Attribute("id"));
        var items = Elements(afterSummary, "li").ToList();
        Assert.Equal(plan.Steps.Take(3).Select(step => step.Title), items.Select(li => Elements(li, "strong").First().Value));
        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        Assert.All(items, li => Assert.Contains(((string)Elements(li, "a").First().Attribute("href")!)[1..], ids));
        Assert.Equal(plan.Steps.Select(step => "step-" + step.Rank), Elements(page, "div").Where(e => Class(e) == "step").Select(e => (string)e.Attribute("id")!));

        var without = HtmlRendererTests.Parse(HtmlRenderer.Render(report));
        Assert.DoesNotContain(without.Descendants(), e => (string?)e.Attribute("id") is "first-steps" or "plan");
    }

    [Fact]
    public void Every_artifact_is_a_selectable_block_and_the_one_script_is_allowed_by_its_hash()
    {
        var report = DemoReports.Load(DemoReports.DailyLedger);
        var plan = DemoReports.PlanOf(report);
        var html = HtmlRenderer.Render(report, plan);
        var page = HtmlRendererTests.Parse(html);

        var artifacts = plan.Steps.SelectMany(step => step.Artifacts).ToList();
        Assert.Contains(artifacts, artifact => artifact.Kind == ArtifactKind.ZoneFile);
        var blocks = Elements(page, "pre").Where(e => Class(e) == "artifact").ToList();
        Assert.Equal(artifacts.Select(a => a.Content.TrimEnd()), blocks.Select(pre => pre.Value));

        var script = Elements(page, "script").Single();
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Value))) + "'";
        var policy = (string)Elements(page, "meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy").Attribute("content")!;
        var scriptSources = policy.Split(';').Select(part => part.Trim()).Single(part => part.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src " + hash, scriptSources);
        Assert.DoesNotContain("unsafe-inline", scriptSources, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", html, StringComparison.Ordinal);

        foreach (var plain in new[] { HtmlRenderer.Render(report), HtmlRenderer.Render(report, plan with { Steps = [.. plan.Steps.Select(s => s with { Artifacts = [] })] }) })
        {
            Assert.DoesNotContain("<script", plain, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", plain, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sources_are_links_only_when_they_are_http_or_https_urls()
    {
        var sample = SampleReports.DemoLike();
        var layers = sample.Layers.Select((layer, index) => index != 0 ? layer : layer with
        {
            Dependencies = [.. layer.Dependencies.Select((d, i) => i != 0 ? d : d with
            {
                Evidence = [new Evidence("ns", "ns1.example", "rule-a", "javascript:alert(1)"), new Evidence("ns", "ns2.example", "rule-b", "https://example.org/a?b=1&c=\"2\"")],
            })],
        }).ToList();
        var chokepoints = sample.Chokepoints.Select((c, i) => i != 0 ? c : c with { History = ["ended service once", "  2020-01-01 a case (https://example.net/case-1)."] }).ToList();
        var page = HtmlRendererTests.Parse(HtmlRenderer.Render(sample with { Layers = layers, Chokepoints = chokepoints }));

        var links = Elements(page, "a").Where(a => !((string)a.Attribute("href")!).StartsWith('#')).ToList();
        Assert.Contains(links, a => (string?)a.Attribute("href") == "https://example.org/a?b=1&c=\"2\"" && a.Value == "https://example.org/a?b=1&c=\"2\"");
        Assert.Contains(links, a => (string?)a.Attribute("href") == "https://example.net/case-1");
        Assert.DoesNotContain(links, a => ((string)a.Attribute("href")!).StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Elements(page, "span"), span => Class(span) == "source" && span.Value == "rule rule-a · source javascript:alert(1)");
        Assert.All(links, a => Assert.Equal("noopener noreferrer", (string?)a.Attribute("rel")));
        Assert.Contains(Elements(page, "li"), li => li.Value == "2020-01-01 a case (https://example.net/case-1).");
    }

    [Theory]
    [InlineData(DemoReports.DailyLedger)]
    [InlineData(DemoReports.TinyTeapot)]
    public void Graph_of_a_dense_site_keeps_every_name_whole_and_no_box_overlaps(string site)
    {
        var report = DemoReports.Load(site);
        var long_ = report with { Functions = [.. report.Functions.Select((f, i) => i != 0 ? f : f with { Name = f.Name + " through a provider whose name is much longer than one line of a box" })] };
        var graph = DependencyGraph.Build(long_);
        var svg = Elements(HtmlRendererTests.Parse(HtmlRenderer.Render(long_)), "svg").Single();

        foreach (var node in graph.Nodes)
        {
            var box = svg.Descendants().Single(e => (string?)e.Attribute("data-id") == node.Id);
            var texts = Elements(box, "text").ToList();
            Assert.Equal(node.Title, string.Join(' ', Elements(texts[0], "tspan").Select(t => t.Value)));
            Assert.Equal(node.Subtitle, string.Join(' ', Elements(texts[1], "tspan").Select(t => t.Value)));
            Assert.All(node.TitleLines, line => Assert.True(line.Length <= DependencyGraph.TitleChars, line));
            Assert.All(node.SubtitleLines, line => Assert.True(line.Length <= DependencyGraph.SubtitleChars, line));
            Assert.Equal(node.Height, int.Parse((string)Elements(box, "rect").Single().Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Contains(graph.Nodes, node => node.TitleLines.Count > 2);
        foreach (var column in graph.Nodes.GroupBy(node => node.Column))
        {
            var boxes = column.ToList();
            Assert.All(boxes.Zip(boxes.Skip(1)), pair => Assert.True(pair.First.Y + pair.First.Height < pair.Second.Y, $"{pair.First.Id} overlaps {pair.Second.Id}"));
        }

        Assert.All(graph.Nodes, node => Assert.True(node.Y + node.Height <= graph.Height, $"{node.Id} is outside the picture"));
    }

    [Fact]
    public void Each_function_has_its_own_path_with_redundant_suppliers_grouped_as_any_of()
    {
        var report = SampleReports.DemoLike();
        var page = HtmlRendererTests.Parse(HtmlRenderer.Render(report));

        var paths = Elements(page, "li").Where(e => Class(e) == "path").ToList();
        Assert.Equal(report.Functions.Select(f => "path-" + f.Id), paths.Select(p => (string)p.Attribute("id")!));
        var name = paths.Single(p => (string?)p.Attribute("data-function") == "name-resolves");
        var alternatives = Elements(name, "span").Single(e => Class(e) == "any");
        Assert.Equal(["godaddy", "ibm"], Elements(alternatives, "span").Where(e => Class(e) == "need").Select(e => (string)e.Attribute("data-company")!).Order());
        var alone = Elements(name, "span").Where(e => Class(e) == "need spof").Select(e => (string)e.Attribute("data-company")!).ToList();
        Assert.Equal(["verisign", "godaddy"], alone);
        var graphLinks = Elements(Elements(page, "svg").Single(), "a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.Equal(report.Functions.Select(f => "#path-" + f.Id), graphLinks);
    }

    [Fact]
    public void Plan_page_holds_every_step_and_artifact()
    {
        var report = DemoReports.Load(DemoReports.TinyTeapot);
        var plan = DemoReports.PlanOf(report);
        var page = HtmlRendererTests.Parse(PlanHtmlRenderer.Render(plan));

        Assert.Equal($"Chokepoint plan: {DemoReports.TinyTeapot}", Elements(page, "h1").Single().Value);
        Assert.Equal(plan.Steps.Select(s => $"{s.Rank}. {s.Title}"), Elements(page, "h3").Select(h => h.Value));
        Assert.Equal(Math.Min(3, plan.Steps.Count), Elements(page, "ol").Single(e => Class(e) == "first-steps").Elements().Count());
        Assert.Equal(plan.Steps.Sum(s => s.Artifacts.Count), Elements(page, "pre").Count());
        Assert.Equal(plan.Steps.Any(s => s.Artifacts.Count > 0) ? 1 : 0, Elements(page, "script").Count());
        Assert.Contains(plan.RankingRule, Elements(page, "p").Select(p => p.Value));
    }

    private static IEnumerable<XElement> Elements(XContainer root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    private static string Class(XElement element) => (string?)element.Attribute("class") ?? "";
}
