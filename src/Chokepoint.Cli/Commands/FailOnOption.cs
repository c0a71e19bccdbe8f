using System.CommandLine;
using Chokepoint.Model;

namespace Chokepoint.Cli.Commands;

/// <summary><c>--fail-on LEVEL</c>: exit with 1 when a chokepoint at or above LEVEL is found, so CI pipelines can gate.</summary>
internal sealed class FailOnOption
{
    private static readonly string[] Levels = ["critical", "high", "medium", "low"];

    public Option<string?> Option { get; } = CreateOption();

    private static Option<string?> CreateOption()
    {
        var option = new Option<string?>("--fail-on")
        {
            Description = "Exit with code 1 if any chokepoint has this severity or worse: critical, high, medium, low.",
        };
        option.AcceptOnlyFromAmong(Levels);
        return option;
    }

    /// <summary>The exit code for these reports: 1 when the threshold is met, else 0.</summary>
    public int ExitCodeFor(ParseResult parseResult, IEnumerable<AuditReport> reports)
    {
        if (parseResult.GetValue(Option) is not { } level)
        {
            return ExitCodes.Ok;
        }

        var threshold = Array.IndexOf(Levels, level);
        return reports.SelectMany(report => report.Chokepoints).Any(point => Array.IndexOf(Levels, point.Severity.ToWord()) is >= 0 and var rank && rank <= threshold)
            ? ExitCodes.FindingsAtThreshold
            : ExitCodes.Ok;
    }
}
