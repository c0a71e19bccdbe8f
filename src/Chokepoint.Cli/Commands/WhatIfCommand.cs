using System.CommandLine;
using Chokepoint.Reporting.WhatIf;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint whatif TARGET --drop COMPANY</c>: which functions fail or degrade, and for how long.</summary>
internal static class WhatIfCommand
{
    public static Command Create(CliContext context)
    {
        var input = new SiteInput();
        var drop = new Option<string[]>("--drop") { Description = "A company that ends service (catalog id or name); repeat for several.", Required = true, AllowMultipleArgumentsPerToken = false };
        var format = OutputFormat.Create("table", "json", "markdown");
        var output = new OutputFile();
        var command = new Command("whatif", "Simulate companies ending service: which functions fail, which degrade, and the time to recover.") { drop, format };
        output.AddTo(command);
        input.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            output.RequireDistinctFrom(parseResult, input.FileOf(parseResult), "the observations file");
            var (engine, _, report) = await input.AnalyzeAsync(context, parseResult, cancellationToken);
            using var disposeEngine = engine;
            var whatIf = engine.WhatIf(report, parseResult.GetRequiredValue(drop));
            var terminal = output.Terminal(context, parseResult, view: parseResult.GetValue(format) is not ("json" or "markdown"));
            var text = parseResult.GetValue(format) switch
            {
                "json" => WhatIfRenderer.Json(whatIf),
                "markdown" => WhatIfMarkdown.Render(whatIf),
                _ => WhatIfRenderer.Table(whatIf, terminal),
            };
            await output.WriteViewAsync(context, parseResult, text, terminal, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
