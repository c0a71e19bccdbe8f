using System.CommandLine;
using System.Text.Json;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint data status|update</c>: which data sets are installed, and refreshing them.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("data", "Show or refresh the data sets Chokepoint uses (IP-to-ASN, Public Suffix List).");
        command.Subcommands.Add(CreateStatus(context));
        command.Subcommands.Add(CreateUpdate(context));
        return command;
    }

    private static Command CreateUpdate(CliContext context)
    {
        var asnCsv = new Option<FileInfo[]>("--asn-csv") { Description = "IP-to-ASN CSV files (start,end,asn,organisation) to index instead of the installed package.", AllowMultipleArgumentsPerToken = true };
        var asnTsv = new Option<FileInfo?>("--asn-tsv") { Description = "An iptoasn-style TSV file (range_start range_end AS_number country AS_description) to index." };
        var psl = new Option<FileInfo?>("--psl") { Description = "A public_suffix_list.dat file to use instead of the installed package's list." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var force = new Option<bool>("--force") { Description = "Replace the installed data even with a table of less than half its rows." };
        var command = new Command("update", "Rebuild the IP-to-ASN index from the installed package or given files; optionally install a newer Public Suffix List.")
        {
            asnCsv, asnTsv, psl, quiet, force,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var result = DataUpdater.Update(
                context.Data,
                parseResult.GetValue(asnCsv) ?? [],
                parseResult.GetValue(asnTsv),
                parseResult.GetValue(psl),
                parseResult.GetValue(force),
                cancellationToken);
            if (!parseResult.GetValue(quiet))
            {
                foreach (var line in result)
                {
                    await context.Console.Out.WriteLineAsync(line.AsMemory(), cancellationToken);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateStatus(CliContext context)
    {
        var format = OutputFormat.Create("table", "json");
        var command = new Command("status", "Which data sets are installed, their versions, dates and licences.") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var statuses = DataSetInventory.Read(context.Data);
            var output = context.Console.Out;
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(statuses, JsonOutput.Options).AsMemory(), cancellationToken);
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"data directory: {context.Data.Root}".AsMemory(), cancellationToken);
            if (context.Data.Carried is { } carried)
            {
                await output.WriteLineAsync($"carried with the tool: {carried} (read where the data directory has none)".AsMemory(), cancellationToken);
            }

            foreach (var status in statuses)
            {
                var state = status.Installed ? "installed" : "missing";
                await output.WriteLineAsync($"{status.Name,-20} {state,-10} {status.Version ?? "-",-16} {status.Date ?? "-",-11} {status.Licence}".AsMemory(), cancellationToken);
                if (status.Attribution is not null)
                {
                    await output.WriteLineAsync($"{"",-20} data: {status.Attribution}".AsMemory(), cancellationToken);
                }

                if (status.Note is not null)
                {
                    await output.WriteLineAsync($"{"",-20} {status.Note}".AsMemory(), cancellationToken);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
