using Chokepoint.Cli.Commands;
using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;
using Chokepoint.Model;

namespace Chokepoint.Cli.Tests;

/// <summary>The gate on a bounded grade: "D or worse" fails a gate at C whatever was not seen.</summary>
public sealed class IncompleteGateTests
{
    private static AuditReport Bounded(string bound) => new()
    {
        Domain = "partly-seen.example",
        Complete = false,
        GradeBound = bound,
        GradeExplanation = $"not graded: the web hosting was partly observed: timed out; from what was seen: {bound} or worse",
    };

    [Theory]
    [InlineData("D", "C", ExitCodes.FindingsAtThreshold)]
    [InlineData("D", "F", ExitCodes.FindingsAtThreshold)]
    [InlineData("D", "D", ExitCodes.FindingsAtThreshold)]
    public async Task A_bound_fails_the_gate_when_it_is_worse_or_cannot_tell(string bound, string limit, int expected)
    {
        var command = new System.CommandLine.RootCommand();
        var gate = new GateOptions();
        gate.AddTo(command);
        var parse = command.Parse(["--fail-grade", limit]);
        using var console = new StringCliConsole();

        var exit = await gate.ExitCodeForAsync(new CliContext(console, TimeProvider.System, DataDirectory.Locate()), parse, [Bounded(bound)], CancellationToken.None);

        Assert.Equal(expected, exit);
        Assert.Contains("warning: partly-seen.example: incomplete result", console.ErrorText, StringComparison.Ordinal);
        // A bound worse than the limit fails outright; one that cannot tell says the report is not graded.
        Assert.Equal(string.CompareOrdinal(bound, limit) <= 0, console.ErrorText.Contains("is not graded, which fails the gate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_incomplete_result_without_a_gate_exits_4()
    {
        var command = new System.CommandLine.RootCommand();
        var gate = new GateOptions();
        gate.AddTo(command);
        using var console = new StringCliConsole();

        var exit = await gate.ExitCodeForAsync(new CliContext(console, TimeProvider.System, DataDirectory.Locate()), command.Parse([]), [Bounded("D")], CancellationToken.None);

        Assert.Equal(ExitCodes.Incomplete, exit);
    }

    /// <summary>The warning of a partial result names what was not observed, even with no banner or explanation to quote.</summary>
    [Fact]
    public async Task The_incomplete_warning_names_the_functions_not_observed_and_why()
    {
        var report = new AuditReport
        {
            Domain = "partly-seen.example",
            Grade = "C",
            Complete = false,
            Functions =
            [
                new FunctionReport { Id = "name-resolves", Name = "the name resolves" },
                new FunctionReport { Id = "mail-flows", Name = "mail flows", Coverage = Coverage.NotObserved, Gaps = ["mail.mx: timed out after 5 s"] },
            ],
        };
        using var console = new StringCliConsole();

        var exit = await new GateOptions().ExitCodeForAsync(
            new CliContext(console, TimeProvider.System, DataDirectory.Locate()), new System.CommandLine.RootCommand().Parse([]), [report], CancellationToken.None);

        Assert.Equal(ExitCodes.Incomplete, exit);
        Assert.Contains("warning: partly-seen.example: incomplete result: not observed: mail flows (mail.mx: timed out after 5 s)", console.ErrorText, StringComparison.Ordinal);
        Assert.DoesNotContain("the name resolves", console.ErrorText, StringComparison.Ordinal);
    }
}
