using System.CommandLine;
using System.Text;
using System.Text.Json;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Cli.Pipeline;
using Chokepoint.Planning.Plans;

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
            var (observations, report, model) = await input.AnalyzeAsync(context, parseResult, cancellationToken);
            var plan = Planner.Plan(model, ChokepointAnalysis.Analyze(model), PlanInputsBuilder.Build(observations, report, ProviderCatalog.LoadEmbedded()));

            if (parseResult.GetValue(artifacts) is { } folder)
            {
                folder.Create();
                foreach (var (step, artifact) in plan.Steps.SelectMany(step => step.Artifacts.Select(artifact => (step, artifact))))
                {
                    var name = $"{step.Rank:00}-{artifact.Kind.ToString().ToLowerInvariant()}.txt";
                    await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), artifact.Content, cancellationToken);
                }
            }

            var text = parseResult.GetValue(format) switch
            {
                "json" => JsonSerializer.Serialize(plan, JsonOutput.Options),
                "markdown" => Render(plan, markdown: true),
                _ => Render(plan, markdown: false),
            };
            await context.Console.Out.WriteLineAsync(text.AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Render(Plan plan, bool markdown)
    {
        var text = new StringBuilder();
        text.Append(markdown ? "# " : "").Append("Plan for ").Append(plan.Domain).Append(" (grade now ").Append(plan.GradeNow).AppendLine(")");
        text.AppendLine().AppendLine(plan.RankingRule);
        if (plan.Steps.Count == 0)
        {
            text.AppendLine().AppendLine("No single point of failure was found that a step could remove.");
        }

        foreach (var step in plan.Steps)
        {
            text.AppendLine();
            text.Append(markdown ? "## " : "").Append(step.Rank).Append(". ").Append(step.Title)
                .Append(" [").Append(step.CompanyName).Append(", ").Append(step.Service).Append(", effort ").Append(step.Effort.ToString().ToLowerInvariant()).AppendLine("]");
            text.AppendLine(step.Text);
            text.Append("   why this rank: ").AppendLine(step.RankReason);
            if (step.RecoveryToday is { } recovery)
            {
                text.Append("   time to recover today: ").AppendLine(recovery.Range);
            }

            foreach (var artifact in step.Artifacts)
            {
                text.AppendLine().Append(markdown ? "### " : "   --- ").AppendLine(artifact.Title);
                text.AppendLine(markdown ? "```" : "");
                text.AppendLine(artifact.Content.TrimEnd());
                text.AppendLine(markdown ? "```" : "");
            }
        }

        return text.ToString();
    }
}
