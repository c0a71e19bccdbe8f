using System.CommandLine;
using Chokepoint.Cli.Console;
using Chokepoint.Reporting.Table;
using Chokepoint.Reporting.WhatIf;

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
            var (engine, _, report) = await input.AnalyzeAsync(context, parseResult, cancellationToken);
            using var disposeEngine = engine;
            var whatIf = engine.WhatIf(report, parseResult.GetRequiredValue(drop));
            var terminal = TerminalOutput.Options(context.Console, parseResult);
            var text = parseResult.GetValue(format) == "json" ? WhatIfRenderer.Json(whatIf) : WhatIfRenderer.Table(whatIf, terminal);
            await TerminalOutput.WriteViewAsync(context.Console, text, parseResult.GetValue(format) == "json" ? TerminalOptions.Plain : terminal, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
