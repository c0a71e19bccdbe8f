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
        var command = new Command("demo", "Audit the sites of the built-in demo world on a simulated internet (no network needed).") { site, list };
        output.AddTo(command);
        gate.AddTo(command);
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
            var reports = new List<AuditReport>();
            var observed = new List<SiteObservations>();
            foreach (var info in chosen)
            {
                await context.Console.Error.WriteLineAsync($"auditing {info.Domain} ...".AsMemory(), cancellationToken);
                var (observations, report) = await engine.AuditAsync(info.Domain, cancellationToken: cancellationToken);
                observed.Add(observations);
                reports.Add(report);
            }

            var text = output.RenderMany(context, parseResult, reports, i => engine.Plan(observed[i], reports[i]));
            await output.WriteAsync(context, parseResult, text, cancellationToken);
            // The demo world has sites made to be incomplete (a held domain, one that does not exist, a silent resolver):
            // showing them is the point, so an incomplete result is warned about but exits 4 only for one chosen site.
            return await gate.ExitCodeForAsync(context, parseResult, reports, cancellationToken, incompleteExits: parseResult.GetValue(site) is not null);
        });
        return command;
    }
}
