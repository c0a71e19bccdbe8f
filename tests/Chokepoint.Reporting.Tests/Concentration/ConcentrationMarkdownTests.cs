using Chokepoint.Reporting.Concentration;

namespace Chokepoint.Reporting.Tests.Concentration;

public sealed class ConcentrationMarkdownTests
{
    [Fact]
    public void Title_totals_and_headlines_come_first()
    {
        var lines = Lines(ConcentrationMarkdownRenderer.Render(ConcentrationSamples.Sample()));

        Assert.Equal("# Chokepoint concentration across 10 sites", lines[0]);
        Assert.Equal("10 sites · 7 complete · 2 failed (no report) · 1 duplicate record ignored", lines[2]);
        Assert.Contains("- **DNS, CDN or CA:** 3 of 8 decided sites (37.5%) critically depend on at least one third party in DNS, CDN or TLS certificates; 2 undetermined (a layer not observed)", lines);
    }

    [Fact]
    public void How_to_read_this_states_every_definition()
    {
        var text = ConcentrationMarkdownRenderer.Render(ConcentrationSamples.Sample());

        Assert.Contains("<summary>How to read this</summary>", text, StringComparison.Ordinal);
        foreach (var term in new[] { "Observed / incomplete", "Uses", "Critical", "Share", "CR3", "HHI", "Headline", "Breaks", "Inherent", "Indirect only", "Amplification" })
        {
            Assert.Contains("- **" + term + ":** ", text, StringComparison.Ordinal);
        }

        Assert.Contains("above 0.25 is highly concentrated", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_table_has_shares_of_observed_sites_and_a_caption_saying_so()
    {
        var lines = Lines(ConcentrationMarkdownRenderer.Render(ConcentrationSamples.Sample()));
        var table = Table(lines, "### DNS");

        Assert.Equal(["Company", "Uses", "Share", "Critical", "Share"], table[0]);
        Assert.Equal(["Amazon.com, Inc.", "3", "37.5%", "1", "12.5%"], table[1]);
        Assert.Equal(["Cloudflare, Inc.", "3", "37.5%", "3", "37.5%"], table[2]);
        Assert.Equal(5, table.Count);
        var section = Section(lines, "### DNS");
        Assert.Contains("Top-3 share (CR3) 88.9% of uses · HHI 0.2840 (highly concentrated).", section);
        Assert.Contains(section, line => line.StartsWith("*Shares are of the 8 sites whose DNS layer was observed", StringComparison.Ordinal));
        Assert.Contains(section, line => line.Contains("2 incomplete", StringComparison.Ordinal));
        Assert.Equal("no-name-ca", Table(lines, "### TLS certificates")[^1][0]);
    }

    [Fact]
    public void A_layer_not_observed_says_so_and_has_no_table()
    {
        var text = ConcentrationMarkdownRenderer.Render(ConcentrationSamples.Sample());
        var section = Section(Lines(text), "### CDN");

        Assert.StartsWith("Not observed on any site; 10 incomplete", section[2], StringComparison.Ordinal);
        Assert.DoesNotContain(section, line => line.StartsWith('|'));
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_and_companies_tables()
    {
        var lines = Lines(ConcentrationMarkdownRenderer.Render(ConcentrationSamples.Sample()));

        var functions = Table(lines, "## Functions");
        Assert.Equal(["The name resolves", "8", "2", "4 of 8 (50%)", "Cloudflare, Inc.: 3 of 8 (37.5%)<br>GoDaddy Inc.: 1 of 8 (12.5%)", "100%", "0.6250 (highly concentrated)"], functions[1]);
        Assert.Equal(["Advertising revenue", "not observed on any site", "3", "—", "none", "—", "—"], functions[2]);

        var companies = Table(lines, "## Companies that alone can break the most sites");
        Assert.Equal(["Company", "Uses", "Breaks", "Of which inherent", "Indirect only", "Amplification", "Functions", "Layers"], companies[0]);
        Assert.Equal(["VeriSign, Inc.", "6", "**6**", "6", "0", "1×", "name-resolves: 6", "Registration"], companies[1]);
        Assert.Equal(["Cloudflare, Inc.", "3", "**4**", "0", "1", "1.33×", "pages-served: 4<br>name-resolves: 3", "DNS"], companies[2]);
        Assert.Equal("ocsp-only", companies[3][0]);
        Assert.Equal("—", companies[3][5]);
        Assert.Contains("  - 2019-07-02: global outage after a bad WAF rule, 27 min", lines);
    }

    [Fact]
    public void Markup_in_names_is_escaped()
    {
        var text = ConcentrationMarkdownRenderer.Render(ConcentrationSamples.Sample(ConcentrationSamples.HostileName, history: "# not a heading [link](http://x)"));

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);
        Assert.Contains("\\[click\\](javascript:alert(1)) \\| \\*bold\\*", text, StringComparison.Ordinal);
        Assert.Contains("  - \\# not a heading \\[link\\](http://x)", text, StringComparison.Ordinal);

        // The name's line break and pipe cannot add a row or a column to the DNS table.
        var table = Table(Lines(text), "### DNS");
        Assert.All(table, row => Assert.Equal(5, row.Length));
        Assert.Equal(5, table.Count);
    }

    [Fact]
    public void Long_lists_stop_at_ten_with_the_rest_summed()
    {
        var lines = Lines(ConcentrationMarkdownRenderer.Render(ConcentrationSamples.Many(15)));

        Assert.Equal(11, Table(lines, "### DNS").Count);
        Assert.Contains("And 5 more (12.5% of uses).", lines);
        Assert.Equal(11, Table(lines, "## Companies that alone can break the most sites").Count);
        Assert.Contains("And 5 more companies (all of them in the JSON view).", lines);
    }

    internal static List<string> Lines(string text) => [.. text.Split('\n').Select(line => line.TrimEnd('\r'))];

    /// <summary>The lines from <paramref name="heading"/> to the next heading of any level.</summary>
    internal static List<string> Section(List<string> lines, string heading)
    {
        var start = lines.IndexOf(heading);
        Assert.True(start >= 0, "no heading " + heading);
        var end = lines.FindIndex(start + 1, line => line.StartsWith('#'));
        return lines[start..(end < 0 ? lines.Count : end)];
    }

    /// <summary>The first table after <paramref name="heading"/>: its rows' cells, the delimiter row left out.</summary>
    internal static List<string[]> Table(List<string> lines, string heading)
    {
        var section = Section(lines, heading);
        return section
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Where(line => !line.StartsWith("| ---", StringComparison.Ordinal))
            .Select(Cells)
            .ToList();
    }

    /// <summary>The cells of a table row, split at pipes not escaped.</summary>
    private static string[] Cells(string row)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length)
            {
                cell.Append(row[i]).Append(row[i + 1]);
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(row[i]);
            }
        }

        return [.. cells];
    }
}
