using System.Text.RegularExpressions;
using Chokepoint.Reporting.Concentration;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Reporting.Tests.Concentration;

public sealed partial class ConcentrationTableTests
{
    [Fact]
    public void Headlines_state_the_decided_sites_their_share_and_the_undetermined()
    {
        var text = Flat(ConcentrationTableRenderer.Render(ConcentrationSamples.Sample(), TerminalOptions.Plain));

        Assert.Contains("3 of 8 decided sites (37.5%) critically depend on at least one third party in DNS, CDN or TLS certificates; 2 undetermined (a layer not observed)", text, StringComparison.Ordinal);
        Assert.Contains("6 of 7 decided sites (85.7%)", text, StringComparison.Ordinal);
        Assert.Contains("10 sites · 7 complete · 2 failed (no report) · 1 duplicate record ignored", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_lists_companies_by_uses_then_id_with_shares_of_observed_sites()
    {
        var text = ConcentrationTableRenderer.Render(ConcentrationSamples.Sample(), new TerminalOptions { Width = 120 });
        var dns = Section(text, "DNS");

        var rows = Rows(dns);
        Assert.Equal(["Amazon.com, Inc.", "3", "37.5%", "1", "12.5%"], rows[0]);
        Assert.Equal(["Cloudflare, Inc.", "3", "37.5%", "3", "37.5%"], rows[1]);
        Assert.Equal(["NS1", "2", "25%", "0", "0%"], rows[2]);
        Assert.Equal(["GoDaddy Inc.", "1", "12.5%", "1", "12.5%"], rows[3]);
        Assert.Contains("using a third party: 7 of 8 (87.5%) · critical: 5 of 8 (62.5%)", dns, StringComparison.Ordinal);
        Assert.Contains("top-3 share (CR3) 88.9% of uses · HHI 0.2840 (highly concentrated)", dns, StringComparison.Ordinal);
        Assert.Contains("Shares are of the 8 sites whose DNS layer was observed", Flat(dns), StringComparison.Ordinal);
        Assert.Contains("2 incomplete", dns, StringComparison.Ordinal);

        var tls = Section(text, "TLS certificates");
        Assert.Contains("HHI 0.2099", tls, StringComparison.Ordinal);
        Assert.DoesNotContain("highly concentrated", tls, StringComparison.Ordinal);
        Assert.Equal("no-name-ca", Rows(tls)[^1][0]);
    }

    [Fact]
    public void A_layer_not_observed_on_any_site_says_so_with_no_share()
    {
        var text = ConcentrationTableRenderer.Render(ConcentrationSamples.Sample(), TerminalOptions.Plain);
        var cdn = Section(text, "CDN");

        Assert.Contains("not observed on any site; 10 incomplete", cdn, StringComparison.Ordinal);
        Assert.Empty(Rows(cdn));
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lists_stop_at_ten_with_the_rest_summed()
    {
        var text = ConcentrationTableRenderer.Render(ConcentrationSamples.Many(15), new TerminalOptions { Width = 120 });
        var dns = Section(text, "DNS");

        // Companies 14 down to 5 are shown (uses 15..6); 4..0 (uses 5..1, 15 of 120) are summed.
        Assert.Equal(10, Rows(dns).Count);
        Assert.Equal("DNS company 14", Rows(dns)[0][0]);
        Assert.Contains("and 5 more (12.5% of uses)", dns, StringComparison.Ordinal);
        Assert.Contains("and 5 more companies", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Companies_show_breaks_inherent_indirect_amplification_functions_layers_and_history()
    {
        var text = Flat(ConcentrationTableRenderer.Render(ConcentrationSamples.Sample(), new TerminalOptions { Width = 160 }));

        Assert.Contains("uses 3 · breaks 4 (inherent 0, indirect only 1) · amplification 1.33×", text, StringComparison.Ordinal);
        Assert.Contains("functions: pages-served: 4, name-resolves: 3", text, StringComparison.Ordinal);
        Assert.Contains("history: 2019-07-02: global outage after a bad WAF rule, 27 min", text, StringComparison.Ordinal);
        Assert.Contains("uses 0 · breaks 2 (inherent 0, indirect only 2) · amplification —", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("VeriSign", StringComparison.Ordinal) < text.IndexOf("ocsp-only", StringComparison.Ordinal));
        Assert.Contains("docs/concentration-format.md", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_sequences_in_names_and_history_never_reach_the_terminal()
    {
        var report = ConcentrationSamples.Sample(ConcentrationSamples.HostileName, history: "\u001b[2J\u001b]8;;http://x\u0007cleared");
        var plain = ConcentrationTableRenderer.Render(report, TerminalOptions.Plain);
        var coloured = ConcentrationTableRenderer.Render(report, new TerminalOptions { Color = true, Width = 100 });

        Assert.DoesNotContain('\u001b', plain);
        Assert.DoesNotContain('\u0007', plain);
        Assert.Contains("\\x1b]0;owned\\x07", plain, StringComparison.Ordinal);
        Assert.Contains("\\x1b[2J", plain, StringComparison.Ordinal);

        // With colour on, every escape left is a colour the view added itself.
        Assert.Contains('\u001b', coloured);
        Assert.DoesNotContain('\u0007', coloured);
        Assert.All(Escape().Matches(coloured), match => Assert.True(match.Groups["sgr"].Success, "not a colour at " + match.Index));
        Assert.Contains("\\x1b[31mRed", coloured, StringComparison.Ordinal);
    }

    [Fact]
    public void No_line_is_wider_than_the_terminal()
    {
        var report = ConcentrationSamples.Sample(new string('W', 150) + " Corporation");
        foreach (var width in new[] { 80, 100, 160 })
        {
            var text = ConcentrationTableRenderer.Render(report, new TerminalOptions { Width = width });
            Assert.All(text.Split('\n'), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        }
    }

    /// <summary>The lines from the heading "── title ──" to the next heading.</summary>
    internal static string Section(string text, string title)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith("── " + title + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, "no section " + title);
        var end = Array.FindIndex(lines, start + 1, line => line.StartsWith("── ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>The cells of each row of the table in <paramref name="section"/>, header left out.</summary>
    internal static List<string[]> Rows(string section) =>
        section.Split('\n')
            .Where(line => line.StartsWith('│'))
            .Skip(1)
            .Select(line => line.Trim('│').Split('│').Select(cell => cell.Trim()).ToArray())
            .ToList();

    /// <summary>The text with line breaks and the indentation of wrapped lines made single spaces.</summary>
    private static string Flat(string text) => Spaces().Replace(text.Replace('\n', ' '), " ");

    [GeneratedRegex(@"\u001b(?<sgr>\[[0-9;]*m)?")]
    private static partial Regex Escape();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
