using Chokepoint.Reporting.Plans;
using Chokepoint.Reporting.Table;
using Chokepoint.Reporting.WhatIf;
using Spectre.Console;

namespace Chokepoint.Cli.Tests.TerminalView;

/// <summary>The terminal views of three demo sites against their saved expectations, at 80 and 120 columns, plain and coloured.</summary>
public sealed class TerminalViewSnapshotTests(DemoAudits demo) : IClassFixture<DemoAudits>
{
    public static TheoryData<string, int, bool> Views()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var site in DemoAudits.Sites)
        {
            foreach (var width in new[] { 80, 120 })
            {
                data.Add(site, width, false);
                data.Add(site, width, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void The_report_view_matches_its_saved_expectation(string site, int width, bool color)
    {
        var (_, report, plan) = demo[site];

        var text = TableRenderer.Render(report, plan, new TerminalOptions { Width = width, Color = color });

        Snapshot.Match($"{site}.{width}.{(color ? "color" : "plain")}", text);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void No_line_is_wider_than_the_terminal(string site, int width, bool color)
    {
        var (_, report, plan) = demo[site];

        var text = TableRenderer.Render(report, plan, new TerminalOptions { Width = width, Color = color });

        foreach (var line in text.Split('\n'))
        {
            Assert.True(Measure.Width(line) <= width, $"{Measure.Width(line)} columns: {line}");
        }

        Assert.Equal(color, text.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public void A_terminal_narrower_than_80_columns_gets_80()
    {
        var (_, report, plan) = demo["dailyledger-news.com"];

        Assert.Equal(TableRenderer.Render(report, plan, new TerminalOptions { Width = 80 }), TableRenderer.Render(report, plan, new TerminalOptions { Width = 40 }));
    }

    [Fact]
    public void The_summary_comes_first_with_names_not_ids_then_the_layers_then_the_details()
    {
        var (_, report, plan) = demo["dailyledger-news.com"];

        var text = TableRenderer.Render(report, plan, TerminalOptions.Plain);
        var flat = Measure.Flat(text);

        var grade = flat.IndexOf("Exposure grade: F", StringComparison.Ordinal);
        var first = flat.IndexOf("What to do first", StringComparison.Ordinal);
        var layers = flat.IndexOf("── Registration", StringComparison.Ordinal);
        var chokepoints = flat.IndexOf("── Chokepoints", StringComparison.Ordinal);
        Assert.True(grade >= 0 && grade < first && first < layers && layers < chokepoints, flat);
        // The grade's reason names companies and functions as the tables do, never by catalog id.
        var reason = flat[grade..first];
        Assert.Contains("GoDaddy Inc. (3 critical functions (The name resolves, Web pages are served, HTTPS is trusted))", reason, StringComparison.Ordinal);
        Assert.Contains("GMO Internet Group, Inc.", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("godaddy", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("gmo-internet", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("name-resolves", reason, StringComparison.Ordinal);
        // The three steps that remove the most risk, in the plan's order.
        var steps = plan.Steps.OrderBy(s => s.Rank).Take(3).ToList();
        Assert.Equal(3, steps.Count);
        var at = steps.Select(s => flat.IndexOf(". " + s.Title, first, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i > first && i < layers, "every first step is in the summary"));
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain(plan.Steps[3].Title, flat[first..layers], StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_on_hold_says_so_before_the_grade()
    {
        var (_, report, plan) = demo["onhold-demo.com"];

        var flat = Measure.Flat(TableRenderer.Render(report, plan, TerminalOptions.Plain));

        var banner = flat.IndexOf("ON HOLD: onhold-demo.com is on hold (clientHold, set by the registrar GoDaddy)", StringComparison.Ordinal);
        Assert.True(banner >= 0, flat);
        Assert.True(flat.IndexOf("Exposure grade: not graded", StringComparison.Ordinal) > banner);
    }

    [Fact]
    public void No_company_name_is_cut()
    {
        var (_, report, plan) = demo["dailyledger-news.com"];

        var flat = Measure.Flat(TableRenderer.Render(report, plan, TerminalOptions.Plain));

        Assert.DoesNotContain("~", flat, StringComparison.Ordinal);
        foreach (var name in report.Chokepoints.Select(c => c.Entity.Name))
        {
            Assert.Contains(name, flat, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_whatif_view_says_each_path_in_plain_words_and_each_replacement_once()
    {
        var (_, report, _) = demo["dailyledger-news.com"];
        var whatIf = demo.Engine.WhatIf(report, ["godaddy", "fastly"]);

        var text = WhatIfRenderer.Table(whatIf, TerminalOptions.Plain);
        var flat = Measure.Flat(text);

        Assert.StartsWith("What if Fastly, Inc. and GoDaddy Inc. stopped serving dailyledger-news.com?", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("all of (", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("any of (", flat, StringComparison.Ordinal);
        Assert.DoesNotContain(", which fails", flat, StringComparison.Ordinal);
        foreach (var recovery in whatIf.Recoveries)
        {
            Assert.Single(text.Split('\n'), line => line.TrimStart().StartsWith(recovery.Id + " ", StringComparison.Ordinal));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(flat, System.Text.RegularExpressions.Regex.Escape(recovery.Time.Steps[0].ToString())));
        }

        Assert.All(text.Split('\n'), line => Assert.True(Measure.Width(line) <= 80, line));
        Snapshot.Match("whatif.dailyledger-news.com.godaddy-fastly.80.plain", text);
    }

    [Fact]
    public void The_plan_view_fits_80_columns_except_its_artifacts_which_are_kept_whole()
    {
        var (_, _, plan) = demo["dailyledger-news.com"];

        var text = PlanRenderer.Table(plan, TerminalOptions.Plain);

        var artifactLines = plan.Steps.SelectMany(s => s.Artifacts).SelectMany(a => a.Content.Split('\n')).Select(l => l.TrimEnd('\r', ' ')).ToHashSet(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Where(l => !artifactLines.Contains(l)))
        {
            Assert.True(Measure.Width(line) <= 80, line);
        }

        foreach (var artifact in plan.Steps.SelectMany(s => s.Artifacts))
        {
            Assert.Contains(artifact.Content.TrimEnd().Replace("\r\n", "\n", StringComparison.Ordinal), text, StringComparison.Ordinal);
        }

        Snapshot.Match("plan.dailyledger-news.com.80.plain", text);
    }
}

/// <summary>What a line takes on a terminal.</summary>
internal static class Measure
{
    /// <summary>The columns a line takes on a terminal, its colour sequences not counted.</summary>
    public static int Width(string line) =>
        System.Text.RegularExpressions.Regex.Replace(line, "\u001b\\[[0-9;]*m", string.Empty).GetCellWidth();

    /// <summary>The text with its line breaks, table borders and runs of spaces made single spaces: wrapped text read back.</summary>
    public static string Flat(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "[\\s│]+", " ").Trim();
}
