using System.CommandLine;

namespace Chokepoint.Cli.Commands;

/// <summary>The list of subcommands, in the order <c>--help</c> shows them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return AuditCommand.Create(context);
        yield return ScanCommand.Create(context);
        yield return ConcentrationCommand.Create(context);
        yield return AnalyzeCommand.Create(context);
        yield return WhatIfCommand.Create(context);
        yield return PlanCommand.Create(context);
        yield return IdentifyCommand.Create(context);
        yield return DemoCommand.Create(context);
        yield return SimCommand.Create(context);
        yield return DataCommand.Create(context);
    }
}
