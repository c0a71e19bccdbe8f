using System.CommandLine;
using Chokepoint.Engine.Data;
using Chokepoint.Cli.Console;
using Chokepoint.Reporting.Plans;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint plan TARGET</c>: ranked steps, with ready-to-use artifacts, that remove each single point of failure.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var input = new SiteInput();
        var format = OutputFormat.Create("table", "json", "markdown");
        var artifacts = new Option<DirectoryInfo?>("--artifacts") { Description = "Also write each artifact (zone file, CAA set, MX set, notes) to this folder." };
        var command = new Command("plan", "Write the plan that removes each single point of failure, ranked by risk removed per effort, with artifacts.") { format, artifacts };
        input.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (engine, observations, report) = await input.AnalyzeAsync(context, parseResult, cancellationToken);
            using var disposeEngine = engine;
            var plan = engine.Plan(observations, report);

            if (parseResult.GetValue(artifacts) is { } folder)
            {
                folder.Create();
                foreach (var (step, artifact) in plan.Steps.SelectMany(step => step.Artifacts.Select(artifact => (step, artifact))))
                {
                    await AtomicFile.WriteAllTextAsync(Path.Combine(folder.FullName, PlanRenderer.ArtifactFileName(step, artifact)), artifact.Content, cancellationToken);
                }
            }

            var terminal = TerminalOutput.Options(context.Console, parseResult);
            var text = parseResult.GetValue(format) switch
            {
                "json" => PlanRenderer.Json(plan),
                "markdown" => PlanRenderer.Markdown(plan),
                _ => PlanRenderer.Table(plan, terminal),
            };
            await TerminalOutput.WriteViewAsync(context.Console, text, parseResult.GetValue(format) is "json" or "markdown" ? TerminalOptions.Plain : terminal, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
