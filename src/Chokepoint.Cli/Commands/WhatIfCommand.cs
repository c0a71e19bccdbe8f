using System.CommandLine;
using System.Text;
using System.Text.Json;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint whatif TARGET --drop COMPANY</c>: which functions fail or degrade, and for how long.</summary>
internal static class WhatIfCommand
{
    public static Command Create(CliContext context)
    {
        var input = new SiteInput();
        var drop = new Option<string[]>("--drop") { Description = "A company that ends service (catalog id or name); repeat for several.", Required = true, AllowMultipleArgumentsPerToken = false };
        var format = OutputFormat.Create("table", "json");
        var command = new Command("whatif", "Simulate companies ending service: which functions fail, which degrade, and the time to recover.") { drop, format };
        input.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (_, report, model) = await input.AnalyzeAsync(context, parseResult, cancellationToken);
            var catalog = ProviderCatalog.LoadEmbedded();
            var dropped = parseResult.GetRequiredValue(drop).Select(company => CompanyResolver.Resolve(company, model, catalog)).ToHashSet(StringComparer.Ordinal);
            var result = WhatIf.Evaluate(model, dropped);
            var facts = RecoveryFactsReader.Read(report);
            var recoveries = result.Functions.Where(f => f.Outcome == OutcomeKind.Fails).ToDictionary(
                f => f.FunctionId,
                f => dropped.Select(company => RecoveryEstimator.Estimate(company, model.Functions.Single(m => m.Id == f.FunctionId), facts))
                    .OrderByDescending(r => r.High).First(),
                StringComparer.Ordinal);

            string text;
            if (parseResult.GetValue(format) == "json")
            {
                text = JsonSerializer.Serialize(new
                {
                    domain = result.Domain,
                    dropped = result.DroppedCompanyIds,
                    functions = result.Functions.Select(f => new
                    {
                        id = f.FunctionId,
                        name = f.FunctionName,
                        importance = f.Importance.ToString().ToLowerInvariant(),
                        outcome = f.Outcome.ToString().ToLowerInvariant(),
                        path = f.Path,
                        timeToRecover = recoveries.TryGetValue(f.FunctionId, out var r)
                            ? new { low = r.Low, high = r.High, range = r.Range, steps = r.Steps.Select(s => s.ToString()), assumptions = r.Assumptions }
                            : null,
                    }),
                }, JsonOutput.Options);
            }
            else
            {
                var builder = new StringBuilder();
                builder.Append("What if ").Append(string.Join(" and ", dropped)).Append(" stopped serving ").Append(result.Domain).AppendLine("?");
                foreach (var function in result.Functions)
                {
                    builder.Append("  ").Append(function.Outcome.ToString().ToUpperInvariant().PadRight(10)).Append(' ').AppendLine(function.FunctionName);
                    foreach (var step in function.Path)
                    {
                        builder.Append("      ").AppendLine(step);
                    }

                    if (recoveries.TryGetValue(function.FunctionId, out var recovery))
                    {
                        builder.Append("      time to recover: ").AppendLine(recovery.Range);
                        foreach (var step in recovery.Steps)
                        {
                            builder.Append("        - ").AppendLine(step.ToString());
                        }
                    }
                }

                text = builder.ToString();
            }

            await context.Console.Out.WriteLineAsync(text.AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
