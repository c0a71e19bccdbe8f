using System.CommandLine;
using Chokepoint.Engine;
using Chokepoint.Engine.Data;
using Chokepoint.Observations;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint audit DOMAIN</c>: collect from the outside, attribute every layer, report.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var domain = new Argument<string>("domain")
        {
            Description = "The domain to audit, e.g. example.org; a URL or host name is audited as its registrable domain, entered at that host.",
        };
        var save = new Option<FileInfo?>("--save-observations") { Description = "Also save the raw observations as JSON (for 'chokepoint analyze')." };
        var har = new Option<FileInfo?>("--har") { Description = "Merge a browser's HAR capture of the site (resources loaded by scripts, response headers)." };
        var network = new NetworkOptions();
        var output = new ReportOutput();
        var gate = new GateOptions();
        var progress = new ProgressOptions();
        var command = new Command("audit", "Find every company a site's name, delivery, trust, mail, pages and money depend on.") { domain, save, har };
        network.AddTo(command);
        output.AddTo(command);
        gate.AddTo(command);
        progress.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var name = DomainArgument.Normalize(parseResult.GetRequiredValue(domain));
            output.RequireDistinctFrom(parseResult, parseResult.GetValue(save), "--save-observations");

            using var engine = EngineFactory.Create(context, network.Settings(parseResult, context.Data));
            var capture = parseResult.GetValue(har) is { } harFile ? HarFile.Read(harFile) : null;
            if (capture is not null && HarFile.CheckSite(capture, parseResult.GetValue(har)!, engine.SiteName(name).Domain, engine.DataSets.Suffixes.GetRegistrableDomain) is { } warning)
            {
                await context.Console.Error.WriteLineAsync(warning.AsMemory(), cancellationToken);
            }

            AuditOutcome outcome;
            using (var view = progress.Create(context, parseResult))
            {
                outcome = await engine.AuditAsync(name, new AuditRequest { Har = capture, Progress = view }, cancellationToken);
            }

            var (observations, report) = outcome;
            if (parseResult.GetValue(save) is { } file)
            {
                await AtomicFile.WriteAllTextAsync(file.FullName, ObservationsJson.Serialize(observations), cancellationToken);
                await context.Console.Error.WriteLineAsync($"observations saved to {file.FullName}".AsMemory(), cancellationToken);
            }

            await output.WriteAsync(context, parseResult, output.Render(context, parseResult, report, () => engine.Plan(observations, report)), cancellationToken);
            return await gate.ExitCodeForAsync(context, parseResult, [report], cancellationToken);
        });
        return command;
    }
}
