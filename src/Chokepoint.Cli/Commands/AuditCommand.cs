using System.CommandLine;
using Chokepoint.Cli.Pipeline;
using Chokepoint.Observations;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint audit DOMAIN</c>: collect from the outside, attribute every layer, report.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var domain = new Argument<string>("domain") { Description = "The domain to audit, e.g. example.org (a URL is accepted)." };
        var save = new Option<FileInfo?>("--save-observations") { Description = "Also save the raw observations as JSON (for 'chokepoint analyze')." };
        var network = new NetworkOptions();
        var output = new ReportOutput();
        var command = new Command("audit", "Find every company a site's name, delivery, trust, mail, pages and money depend on.") { domain, save };
        network.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var name = DomainArgument.Normalize(parseResult.GetRequiredValue(domain));
            var profile = network.Resolve(parseResult, context.Data);
            var pipeline = new AuditPipeline(AttributionData.CreateAttributor(context.Data), context.Time);
            var observations = await pipeline.CollectAsync(name, profile, network.GetTimeout(parseResult), cancellationToken);
            if (parseResult.GetValue(save) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, ObservationsJson.Serialize(observations), cancellationToken);
                await context.Console.Error.WriteLineAsync($"observations saved to {file.FullName}".AsMemory(), cancellationToken);
            }

            var report = pipeline.Analyze(observations);
            await output.WriteAsync(context, parseResult, ReportOutput.Render(report, parseResult.GetRequiredValue(output.Format)), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
