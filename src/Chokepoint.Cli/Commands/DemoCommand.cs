using System.CommandLine;
using Chokepoint.Engine;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint demo [SITE]</c>: start the built-in demo world on loopback and audit its sites, offline.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var site = new Argument<string?>("site") { Description = "Audit only this demo site (default: every site).", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List the demo sites and what each shows, then stop." };
        var output = new ReportOutput();
        var gate = new GateOptions();
        var progress = new ProgressOptions();
        var command = new Command("demo", "Audit the sites of the built-in demo world on a simulated internet (no network needed).") { site, list };
        output.AddTo(command);
        gate.AddTo(command);
        progress.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var world = DemoWorld.Load();
            var sites = world.Sites;
            if (parseResult.GetValue(list))
            {
                foreach (var info in sites)
                {
                    await context.Console.Out.WriteLineAsync($"{info.Domain,-28} {info.Description}".AsMemory(), cancellationToken);
                }

                return ExitCodes.Ok;
            }

            var chosen = parseResult.GetValue(site) is { } wanted
                ? sites.Where(info => info.Domain.Equals(DomainArgument.Normalize(wanted), StringComparison.OrdinalIgnoreCase)).ToList()
                : sites.ToList();
            if (chosen.Count == 0)
            {
                throw new CommandFailedException(ExitCodes.UsageError,
                    $"'{parseResult.GetValue(site)}' is not a demo site; 'chokepoint demo --list' lists them");
            }

            await using var internet = await SimulatedInternet.StartAsync(world, cancellationToken: cancellationToken);
            using var engine = EngineFactory.Create(context, new EngineSettings { Network = internet.Profile });
            var format = parseResult.GetRequiredValue(output.Format);
            var one = parseResult.GetValue(site) is not null;
            // JSON Lines to standard output stream: each report is written as soon as it is done.
            var streaming = format == "jsonl" && parseResult.GetValue(output.Output) is null;
            var reports = new List<AuditReport>();
            var observed = new List<SiteObservations>();
            using (var view = progress.Create(context, parseResult))
            {
                foreach (var (info, index) in chosen.Select((info, i) => (info, i + 1)))
                {
                    view.Site(index, chosen.Count, info.Domain);
                    var (observations, report) = await engine.AuditAsync(info.Domain, new AuditRequest { Progress = view }, cancellationToken);
                    observed.Add(observations);
                    reports.Add(report);
                    if (streaming)
                    {
                        await context.Console.Out.WriteLineAsync(ReportOutput.Render(report, format).AsMemory(), cancellationToken);
                        await context.Console.Out.FlushAsync(cancellationToken);
                    }
                }
            }

            if (!streaming)
            {
                // One site chosen: one report, as audit gives it; every site: one document holding them all.
                var text = one
                    ? output.Render(context, parseResult, reports[0], () => engine.Plan(observed[0], reports[0]))
                    : output.RenderMany(context, parseResult, reports, i => engine.Plan(observed[i], reports[i]));
                await output.WriteAsync(context, parseResult, text, cancellationToken);
            }

            // The demo world has sites made to be incomplete (a held domain, one that does not exist, a silent resolver):
            // showing them is the point, so an incomplete result is warned about but exits 4 only for one chosen site.
            return await gate.ExitCodeForAsync(context, parseResult, reports, cancellationToken, incompleteExits: one);
        });
        return command;
    }
}
