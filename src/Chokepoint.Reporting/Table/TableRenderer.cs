using Chokepoint.Model;
using Chokepoint.Planning.Plans;
using Chokepoint.Reporting.Markdown;
using Spectre.Console;
using Spectre.Console.Rendering;
using static Chokepoint.Reporting.Table.TerminalStyles;

namespace Chokepoint.Reporting.Table;

/// <summary>
/// The terminal view, drawn with Spectre.Console to the terminal's width: the summary first (the grade and its
/// reason in company names, any state banner, the three plan steps that remove the most risk), then one table per
/// layer, then the details (what was not observed, the chokepoints with their time to recover and history).
/// </summary>
/// <seealso href="https://no-color.org/">NO_COLOR</seealso>
public static class TableRenderer
{
    private const int EvidenceLimit = 3;
    private const int FirstSteps = 3;

    /// <summary>Renders a report as plain text, 80 columns wide, without a plan.</summary>
    public static string Render(AuditReport report) => Render(report, null, TerminalOptions.Plain);

    /// <summary>
    /// Renders a report for a terminal: no line wider than <see cref="TerminalOptions.EffectiveWidth"/>, wrapped at
    /// words, coloured by severity when <see cref="TerminalOptions.Color"/> is set. With a plan, the summary lists
    /// its first three steps.
    /// </summary>
    public static string Render(AuditReport report, Plan? plan, TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        using var canvas = new TerminalCanvas(options);
        Summary(canvas, report, plan);
        foreach (var layer in report.Layers)
        {
            Layer(canvas, report, layer);
        }

        Coverage(canvas, report);
        Chokepoints(canvas, report);
        return canvas.ToString();
    }

    /// <summary>Several reports, each with its plan when known, one after the other with a line between them.</summary>
    public static string RenderMany(IReadOnlyList<(AuditReport Report, Plan? Plan)> reports, TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        var separator = "\n" + new string('=', options.EffectiveWidth) + "\n\n";
        return string.Join(separator, reports.Select(r => Render(r.Report, r.Plan, options)));
    }

    private static void Summary(TerminalCanvas canvas, AuditReport report, Plan? plan)
    {
        canvas.Write(new Rows(
            Join(("Chokepoint audit of ", Title), (report.Domain, Title)),
            Value($"network {report.Network}, collected {ReportLabels.CollectedAt(report)}", Dim)));
        canvas.Line();

        // States come first, before any grade: a site on hold is offline whatever its grade says.
        var banners = LabelGrid();
        foreach (var state in report.Status)
        {
            banners.AddRow(Value(state.Kind.ToWord().Replace('-', ' ').ToUpperInvariant() + ":", Bad), Value(state.Text));
        }

        if (!report.Complete && report.Status.Count == 0)
        {
            banners.AddRow(Value("INCOMPLETE:", Warn), Value(
                "part of the site was not observed; what was not seen is listed under \"Not fully observed\" and is not graded"));
        }

        if (EntryPointNote.Text(report) is { } note)
        {
            banners.AddRow(Value("Note:", Dim), Value(note));
        }

        if (banners.Rows.Count > 0)
        {
            canvas.Write(banners);
            canvas.Line();
        }

        // A report that is not graded says so and why; it never drops the line as if there were nothing to say.
        canvas.Write(Join(("Exposure grade: ", Title), (ReportLabels.Grade(report), Grade(report.Grade))));
        if (ReportLabels.GradeExplanation(report) is { } reason)
        {
            // "not graded: ..." would repeat the grade line; the reason alone follows it.
            var explanation = report.Grade is null && reason.StartsWith("not graded: ", StringComparison.Ordinal) ? reason["not graded: ".Length..] : reason;
            canvas.Write(new Padder(Value(ReportLabels.WithNames(report, explanation)), new Padding(2, 0, 0, 0)));
        }

        if (plan is not null)
        {
            canvas.Line();
            canvas.Write(new Text("What to do first", Title));
            var steps = plan.Steps.OrderBy(step => step.Rank).Take(FirstSteps).ToList();
            if (steps.Count == 0)
            {
                canvas.Write(new Padder(Value("nothing: no single point of failure was found that a step could remove"), new Padding(2, 0, 0, 0)));
            }
            else
            {
                var grid = LabelGrid();
                foreach (var step in steps)
                {
                    grid.AddRow(
                        Value(step.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."),
                        Join((step.Title, Plain), (" (effort " + step.Effort.ToString().ToLowerInvariant() + ")", Dim)));
                }

                canvas.Write(new Padder(grid, new Padding(2, 0, 0, 0)));
                canvas.Write(new Padder(Value(
                    plan.Steps.Count > steps.Count
                        ? $"{plan.Steps.Count - steps.Count} more step(s), and the artifacts for each: chokepoint plan"
                        : "the steps in full, with their artifacts: chokepoint plan", Dim), new Padding(2, 0, 0, 0)));
            }
        }
    }

    private static void Layer(TerminalCanvas canvas, AuditReport report, LayerReport layer)
    {
        canvas.Line();
        var title = ReportLabels.LayerTitle(layer.Layer)
            + (layer.Coverage == Model.Coverage.Observed ? string.Empty : " (" + ReportLabels.Coverage(layer.Coverage) + ")");
        canvas.Write(Heading(title));
        var notes = LabelGrid();
        if (layer.Dependencies.Count == 0 && layer.Unobserved.Count == 0)
        {
            notes.AddRow(Value(layer.Absent.Count == 0 ? "no dependency found" : "no dependency: the names asked do not exist", Dim), Value(""));
        }

        // Sorted, so the view does not depend on the order in which concurrent probes finished.
        foreach (var absent in layer.Absent.OrderBy(item => item.Text, StringComparer.Ordinal))
        {
            notes.AddRow(Value("observed:", Dim), Value(absent.Text));
        }

        foreach (var text in layer.Notes)
        {
            notes.AddRow(Value("note:", Dim), Value(text));
        }

        if (notes.Rows.Count > 0)
        {
            canvas.Write(notes);
        }

        if (layer.Dependencies.Count > 0)
        {
            var table = new Spectre.Console.Table { Border = TableBorder.Rounded, ShowRowSeparators = true, BorderStyle = Dim };
            table.AddColumn(new TableColumn(Value("Company", Title)));
            table.AddColumn(new TableColumn(Value("Service and standing", Title)));
            table.AddColumn(new TableColumn(Value("Evidence", Title)));
            foreach (var dependency in layer.Dependencies)
            {
                table.AddRow(
                    Value(ReportLabels.Company(dependency), Title),
                    Lines(
                    [
                        Value(ReportLabels.ServiceAndProvider(dependency)),
                        Standing(dependency.Classification.ToWord(), dependency.Redundant ? "redundant" : "single",
                            dependency.Redundant ? Good : dependency.Classification == Classification.Private ? Plain : Warn),
                    ]),
                    Evidence(dependency));
                foreach (var upstream in dependency.DependsOn)
                {
                    table.AddRow(
                        Value(ReportLabels.UpstreamCompany(upstream)),
                        Lines(
                        [
                            Value(ReportLabels.UpstreamServiceAndProvider(upstream)),
                            upstream.Classification == Classification.Private
                                ? Join(("provider's own", Dim))
                                : Standing(upstream.Classification.ToWord(), upstream.Redundant ? "redundant" : "single", upstream.Redundant ? Good : Warn),
                        ]),
                        Evidence(upstream));
                }
            }

            canvas.Write(table);
        }

        if (layer.Unobserved.Count > 0)
        {
            var missing = LabelGrid();
            foreach (var item in layer.Unobserved.OrderBy(item => item.What, StringComparer.Ordinal).ThenBy(item => item.Reason, StringComparer.Ordinal))
            {
                missing.AddRow(Value("not observed:", Warn), Value(item.What + ": " + item.Reason));
            }

            canvas.Write(missing);
        }
    }

    private static Paragraph Standing(string classification, string redundancy, Style style) =>
        Join((classification + ", ", Plain), (redundancy, style));

    private static IRenderable Evidence(Dependency dependency)
    {
        var values = ReportLabels.EvidenceLines(dependency);
        var shown = values.Take(EvidenceLimit).Select(line => (IRenderable)Value(line, Dim)).ToList();
        if (values.Count > EvidenceLimit)
        {
            shown.Add(Value($"+{values.Count - EvidenceLimit} more", Dim));
        }

        return Lines(shown);
    }

    private static void Coverage(TerminalCanvas canvas, AuditReport report)
    {
        var incomplete = ReportLabels.Incomplete(report).ToList();
        if (incomplete.Count == 0)
        {
            return;
        }

        canvas.Line();
        canvas.Write(Heading("Not fully observed (a function not observed is not graded)"));
        var grid = LabelGrid();
        foreach (var function in incomplete)
        {
            var lines = new List<IRenderable> { Value($"{function.Name} ({function.Importance.ToWord()})", Title) };
            lines.AddRange(function.Gaps.Take(3).Select(gap => Value(gap, Dim)));
            if (function.Gaps.Count > 3)
            {
                lines.Add(Value($"+{function.Gaps.Count - 3} more", Dim));
            }

            grid.AddRow(Value(ReportLabels.Coverage(function.Coverage), Warn), Lines(lines));
        }

        canvas.Write(grid);
    }

    private static void Chokepoints(TerminalCanvas canvas, AuditReport report)
    {
        if (report.Chokepoints.Count == 0)
        {
            return;
        }

        canvas.Line();
        canvas.Write(Heading("Chokepoints: companies that alone can break a function"));
        var functions = ReportLabels.FunctionNames(report);
        var grid = LabelGrid();
        foreach (var chokepoint in report.Chokepoints)
        {
            var lines = new List<IRenderable>
            {
                Value(chokepoint.Entity.Name, Title),
                Value("can break: " + string.Join(", ", chokepoint.Functions.Select(id => ReportLabels.NameOf(functions, id)))),
            };
            if (ReportLabels.Inherent(chokepoint) is { } inherent)
            {
                lines.Add(Value(inherent, Dim));
            }

            lines.AddRange(chokepoint.Indirect.Select(indirect => Value("indirect: " + indirect)));
            if (chokepoint.TimeToRecover is { } recovery)
            {
                lines.Add(Value("time to recover: " + recovery.Summary));
            }

            foreach (var (line, cases) in ReportLabels.History(chokepoint))
            {
                lines.Add(Value("history: " + line, Dim));
                lines.AddRange(cases.Select(c => new Padder(Value(c, Dim), new Padding(2, 0, 0, 0))));
            }

            grid.AddRow(Value(chokepoint.Severity.ToWord().ToUpperInvariant(), Severity(chokepoint.Severity)), Lines(lines));
            grid.AddEmptyRow();
        }

        canvas.Write(grid);
    }
}
