using System.CommandLine;
using Chokepoint.Engine.Data;
using Chokepoint.Reporting.Html;
using Chokepoint.Reporting.Plans;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint plan TARGET</c>: ranked steps, with ready-to-use artifacts, that remove each single point of failure.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var input = new SiteInput();
        var format = OutputFormat.Create("table", "json", "markdown", "html");
        var artifacts = new Option<DirectoryInfo?>("--artifacts") { Description = "Also write each artifact (zone file, CAA set, MX set, notes) to this folder." };
        var output = new OutputFile();
        var command = new Command("plan", "Write the plan that removes each single point of failure, ranked by risk removed per effort, with artifacts.") { format, artifacts };
        output.AddTo(command);
        input.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            output.RequireDistinctFrom(parseResult, input.FileOf(parseResult), "the observations file");
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

            var terminal = output.Terminal(context, parseResult, view: parseResult.GetValue(format) is not ("json" or "markdown" or "html"));
            var text = parseResult.GetValue(format) switch
            {
                "json" => PlanRenderer.Json(plan),
                "markdown" => PlanRenderer.Markdown(plan),
                "html" => PlanHtmlRenderer.Render(plan),
                _ => PlanRenderer.Table(plan, terminal),
            };
            await output.WriteViewAsync(context, parseResult, text, terminal, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
