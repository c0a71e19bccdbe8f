using System.CommandLine;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint analyze OBSERVATIONS.json</c>: the same report from saved observations, with no network.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("observations") { Description = "An observations file saved by 'chokepoint audit --save-observations'." };
        var output = new ReportOutput();
        var gate = new GateOptions();
        var command = new Command("analyze", "Build the report from saved observations, offline.") { file };
        output.AddTo(command);
        gate.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            output.RequireDistinctFrom(parseResult, parseResult.GetRequiredValue(file), "the observations file");
            var observations = ObservationsFile.Read(parseResult.GetRequiredValue(file));
            using var engine = EngineFactory.Create(context);
            var report = engine.Analyze(observations);
            await output.WriteAsync(context, parseResult, output.Render(context, parseResult, report, () => engine.Plan(observations, report)), cancellationToken);
            return await gate.ExitCodeForAsync(context, parseResult, [report], cancellationToken);
        });
        return command;
    }
}
