using System.CommandLine;
using Chokepoint.Model;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// The CI gate: <c>--fail-on LEVEL</c> (a chokepoint at or above LEVEL, inherent ones left out unless
/// <c>--include-inherent</c>) and <c>--fail-grade GRADE</c> (an overall grade worse than GRADE, or no grade).
/// Either met gives exit code 1.
/// </summary>
public sealed class GateOptions
{
    private static readonly string[] Levels = ["critical", "high", "medium", "low"];
    private static readonly string[] Grades = ["A", "B", "C", "D", "E", "F"];

    private readonly Option<string?> _failOn = CreateFailOn();
    private readonly Option<bool> _includeInherent = new("--include-inherent")
    {
        Description = "Let --fail-on count inherent chokepoints too (the TLD registry, a registrar that is only the registrar).",
    };

    private readonly Option<string?> _failGrade = CreateFailGrade();

    /// <summary>Adds the gate options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_failOn);
        command.Options.Add(_includeInherent);
        command.Options.Add(_failGrade);
    }

    /// <summary>
    /// The exit code for these reports: 1 when a gate is met, else 4 when a result is incomplete (with
    /// <paramref name="incompleteExits"/>), else 0. Each incomplete result gets a warning line on stderr. A report
    /// without a grade fails <c>--fail-grade</c> unless its bound already fails it, and stderr says so.
    /// </summary>
    public async Task<int> ExitCodeForAsync(CliContext context, ParseResult parseResult, IEnumerable<AuditReport> reports, CancellationToken cancellationToken, bool incompleteExits = true)
    {
        var failed = false;
        var incomplete = false;
        foreach (var report in reports)
        {
            if (!report.Complete)
            {
                incomplete = true;
                await context.Console.Error.WriteLineAsync(
                    $"chokepoint: warning: {report.Domain}: incomplete result: {IncompleteReason(report)}".AsMemory(), cancellationToken);
            }

            failed |= FailsLevel(parseResult, report);
            if (parseResult.GetValue(_failGrade) is { } limit)
            {
                if (report.Grade is null && report.GradeBound is { } bound && Array.IndexOf(Grades, bound) > Array.IndexOf(Grades, limit))
                {
                    // "D or worse" fails a gate at C whatever was not seen.
                    failed = true;
                }
                else if (report.Grade is not { } grade || Array.IndexOf(Grades, grade) < 0)
                {
                    await context.Console.Error.WriteLineAsync(
                        $"--fail-grade {limit}: {report.Domain} is not graded, which fails the gate ({report.GradeExplanation ?? "no grade"})".AsMemory(),
                        cancellationToken);
                    failed = true;
                }
                else
                {
                    failed |= Array.IndexOf(Grades, grade) > Array.IndexOf(Grades, limit);
                }
            }
        }

        return failed ? ExitCodes.FindingsAtThreshold : incomplete && incompleteExits ? ExitCodes.Incomplete : ExitCodes.Ok;
    }

    private static string IncompleteReason(AuditReport report)
    {
        var banner = report.Status.Count > 0 ? report.Status[0] : null;
        var why = report.Grade is null ? report.GradeExplanation ?? "not graded" : banner?.Text ?? NotObserved(report);
        return report.Grade is null && banner is not null && !why.Contains(banner.Text, StringComparison.Ordinal) ? $"{banner.Text}; {why}" : why;
    }

    /// <summary>The functions whose supply was not all seen, with their gaps: what a partial result did not observe.</summary>
    private static string NotObserved(AuditReport report)
    {
        var unseen = report.Functions.Where(f => f.Coverage != Coverage.Observed)
            .Select(f => f.Gaps.Count > 0 ? $"{f.Name} ({string.Join("; ", f.Gaps)})" : f.Name)
            .ToList();
        return unseen.Count > 0 ? "not observed: " + string.Join(", ", unseen) : "not every function was observed";
    }

    private bool FailsLevel(ParseResult parseResult, AuditReport report)
    {
        if (parseResult.GetValue(_failOn) is not { } level)
        {
            return false;
        }

        var threshold = Array.IndexOf(Levels, level);
        var includeInherent = parseResult.GetValue(_includeInherent);
        return report.Chokepoints
            .Where(point => includeInherent || !point.Inherent)
            .Any(point => Array.IndexOf(Levels, point.Severity.ToWord()) is >= 0 and var rank && rank <= threshold);
    }

    private static Option<string?> CreateFailOn()
    {
        var option = new Option<string?>("--fail-on")
        {
            Description = "Exit with code 1 if any chokepoint has this severity or worse: critical, high, medium, low. " +
                          "Inherent chokepoints (every site has them) are left out unless --include-inherent is given.",
        };
        option.AcceptOnlyFromAmong(Levels);
        return option;
    }

    private static Option<string?> CreateFailGrade()
    {
        var option = new Option<string?>("--fail-grade")
        {
            Description = "Exit with code 1 if the overall grade is worse than this one (A best, F worst); a report that is not graded fails.",
        };
        option.AcceptOnlyFromAmong(Grades);
        return option;
    }
}
