using Chokepoint.Model;
using Chokepoint.Reporting.Markdown;
using Chokepoint.Reporting.Tests.Html;

namespace Chokepoint.Reporting.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly string[] LayerHeader = ["Company", "Service / provider", "Third party?", "Redundant / single", "Evidence"];

    [Fact]
    public void Title_names_the_domain_and_the_grade_then_explains_the_grade()
    {
        var lines = Lines(MarkdownRenderer.Render(SampleReports.DemoLike()));

        Assert.Equal("# Chokepoint audit: dailyledger-news.com (grade F)", lines[0]);
        var explanation = Assert.Single(lines, line => line.StartsWith("> **Grade F:**", StringComparison.Ordinal));
        Assert.Contains("3 companies can each alone break critical functions", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("**Grade F:** F:", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Chokepoints_table_has_company_functions_severity_and_time_to_recover()
    {
        var report = SampleReports.DemoLike();
        var table = Table(Lines(MarkdownRenderer.Render(report)), "## Chokepoints");

        Assert.Equal(["Company", "Functions", "Severity", "Time to recover"], table[0]);
        Assert.Equal(report.Chokepoints.Count, table.Count - 1);
        Assert.Equal(["GoDaddy Inc.", "The name resolves, Web pages are served, HTTPS is trusted, Mail is received, Advertising revenue", "**critical**", "65 min - 10 days to restore \"The name resolves\""], table[1]);
        Assert.Equal("not estimated", table[3][3]);
    }

    [Fact]
    public void Every_layer_gets_a_table_with_the_documented_columns()
    {
        var report = SampleReports.DemoLike();
        var lines = Lines(MarkdownRenderer.Render(report));

        var dns = Table(lines, "### DNS");
        Assert.Equal(LayerHeader, dns[0]);
        Assert.Equal(["GoDaddy Inc.", "dns: GoDaddy DNS", "yes", "redundant", "ns ns45.domaincontrol.com"], dns[1]);
        var tls = Table(lines, "### TLS certificates");
        Assert.Equal(["GlobalSign nv-sa (GMO Internet Group, Inc.)", "ca: GlobalSign", "yes", "**single**", "issuer GlobalSign nv-sa"], tls[1]);
        var cdn = Table(lines, "### CDN");
        Assert.Equal("asn 54113<br>cname dailyledger-news.global.ssl.fastly.net", cdn[1][4]);
        foreach (var layer in report.Layers.Where(layer => layer.Dependencies.Count > 0))
        {
            Assert.Contains(lines, line => line.StartsWith("### ", StringComparison.Ordinal) && Table(lines, line).Count == layer.Dependencies.Count + 1);
        }
    }

    [Fact]
    public void Not_observed_items_are_listed_under_their_layer()
    {
        var lines = Lines(MarkdownRenderer.Render(SampleReports.DemoLike()));

        var hosting = lines.IndexOf("### Hosting");
        var cdn = lines.IndexOf("### CDN");
        var item = lines.FindIndex(line => line == "- **hosting.origin**: the origin is hidden behind Fastly, Inc.; only the edge was seen");
        Assert.InRange(item, hosting, cdn);
        var tls = lines.IndexOf("### TLS certificates");
        var caa = lines.FindIndex(line => line == "- **dns.caa**: the CAA lookup timed out after 5 s");
        Assert.True(caa > tls && caa < lines.IndexOf("### Mail"), "the TLS layer's unobserved item belongs under TLS");
        Assert.Equal("No dependency found.", lines[lines.IndexOf("### Page") + 2]);
    }

    [Fact]
    public void Recovery_steps_and_assumptions_sit_in_a_details_block_followed_by_the_history()
    {
        var report = SampleReports.DemoLike();
        var text = MarkdownRenderer.Render(report);
        var lines = Lines(text);

        var start = lines.IndexOf("### GoDaddy Inc. (critical)");
        var open = lines.FindIndex(start, line => line.StartsWith("<details><summary>", StringComparison.Ordinal));
        var close = lines.FindIndex(open, line => line == "</details>");
        Assert.Equal("<details><summary>Time to recover: 65 min - 10 days to restore &quot;The name resolves&quot;</summary>", lines[open]);
        Assert.Equal(string.Empty, lines[open + 1]);
        Assert.Equal("1. \\[registrar\\] get the transfer authorization code from the registrar: up to 5 days", lines[lines.IndexOf("Steps:", open) + 2]);
        Assert.InRange(lines.IndexOf("- gTLD rules (ICANN Transfer Policy)"), open, close);
        var history = lines.IndexOf("History:", close);
        Assert.Equal("- godaddy ended service to customers 2 times at the registration layer", lines[history + 2]);
        Assert.Equal("  - 2017-08-13 GoDaddy (registrar): Daily Stormer - terms of service", lines[history + 3]);
        Assert.Equal(report.Chokepoints.Count(c => c.TimeToRecover is not null), lines.Count(line => line.StartsWith("<details>", StringComparison.Ordinal)));
        Assert.Equal(lines.Count(line => line.StartsWith("<details>", StringComparison.Ordinal)), lines.Count(line => line == "</details>"));
    }

    [Fact]
    public void Pipes_and_newlines_in_a_cell_cannot_add_columns_or_rows()
    {
        var report = SampleReports.DemoLike(dnsProvider: "Evil | DNS\nsecond line\r\n| x | y |");
        var lines = Lines(MarkdownRenderer.Render(report));

        var dns = Table(lines, "### DNS");
        Assert.Equal(3, dns.Count);
        Assert.All(dns, row => Assert.Equal(5, row.Count));
        Assert.Equal("dns: Evil \\| DNS<br>second line<br>\\| x \\| y \\|", dns[1][1]);
    }

    [Fact]
    public void Html_and_markdown_syntax_in_report_text_is_neutralised()
    {
        var report = SampleReports.DemoLike(domain: "a_b*c*.example", dnsProvider: SampleReports.HostileProvider + " [click](javascript:alert(1))");
        var recovery = report.Chokepoints[0].TimeToRecover!;
        recovery = recovery with { Steps = [.. recovery.Steps, "1. not a nested list"], Assumptions = [.. recovery.Assumptions, "# not a heading"] };
        report = report with { Chokepoints = [report.Chokepoints[0] with { TimeToRecover = recovery }, .. report.Chokepoints.Skip(1)] };
        var text = MarkdownRenderer.Render(report);

        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; DNS \\[click\\](javascript:alert(1))", text, StringComparison.Ordinal);
        Assert.StartsWith("# Chokepoint audit: a\\_b\\*c\\*.example (grade F)", text, StringComparison.Ordinal);
        Assert.Contains("3. 1\\. not a nested list", text, StringComparison.Ordinal);
        Assert.Contains("- \\# not a heading", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_chokepoints_says_so()
    {
        var report = SampleReports.DemoLike() with { Chokepoints = [], Grade = "A", GradeExplanation = "no single company can break a critical function" };
        var text = MarkdownRenderer.Render(report);

        Assert.Contains("No single company can alone break a function of this site.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## Recovery and history", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_report_renders_its_title_and_no_tables()
    {
        var text = MarkdownRenderer.Render(new AuditReport { Domain = "empty.example" });

        Assert.StartsWith("# Chokepoint audit: empty.example (grade not graded)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| --- |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_many_joins_reports_with_a_rule()
    {
        AuditReport[] reports = [SampleReports.DemoLike(), SampleReports.DemoLike(domain: "second.example")];
        var text = MarkdownRenderer.RenderMany(reports);

        var parts = text.Split(MarkdownRenderer.ReportSeparator);
        Assert.Equal(2, parts.Length);
        Assert.StartsWith("# Chokepoint audit: dailyledger-news.com", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("# Chokepoint audit: second.example", parts[1], StringComparison.Ordinal);
        Assert.Equal(MarkdownRenderer.Render(reports[1]), parts[1]);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    /// <summary>The rows (header first, separator dropped) of the first table after <paramref name="heading"/>, split on unescaped pipes.</summary>
    private static List<List<string>> Table(List<string> lines, string heading)
    {
        var index = lines.IndexOf(heading);
        Assert.True(index >= 0, $"heading {heading} is missing");
        while (index < lines.Count && !lines[index].StartsWith('|'))
        {
            index++;
        }

        var rows = new List<List<string>>();
        for (; index < lines.Count && lines[index].StartsWith('|'); index++)
        {
            var cells = SplitRow(lines[index]);
            if (!cells.All(cell => cell == "---"))
            {
                rows.Add(cells);
            }
        }

        return rows;
    }

    private static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                current.Append(line[i]).Append(line[i + 1]);
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(line[i]);
            }
        }

        Assert.Equal(string.Empty, current.ToString().Trim());
        return cells;
    }
}
