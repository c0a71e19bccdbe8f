using System.CommandLine;
using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Cli.Pipeline;
using Chokepoint.Model;
using Chokepoint.Observations;

namespace Chokepoint.Cli.Commands;

/// <summary>The DOMAIN|OBSERVATIONS.json argument of whatif and plan: a saved observations file, or a domain to audit now.</summary>
internal sealed class SiteInput
{
    public Argument<string> Target { get; } = new("target") { Description = "A domain to audit now, or an observations file saved by 'audit --save-observations'." };

    public NetworkOptions Network { get; } = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Target);
        Network.AddTo(command);
    }

    public async Task<SiteObservations> ObserveAsync(CliContext context, ParseResult parseResult, AuditPipeline pipeline, CancellationToken cancellationToken)
    {
        var target = parseResult.GetRequiredValue(Target);
        if (File.Exists(target) || target.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ObservationsFile.Read(new FileInfo(target));
        }

        var domain = DomainArgument.Normalize(target);
        return await pipeline.CollectAsync(domain, Network.Resolve(parseResult, context.Data), Network.GetTimeout(parseResult), cancellationToken);
    }

    /// <summary>Observes (or reads) the site, then attributes and analyzes it: what whatif and plan both start from.</summary>
    public async Task<(SiteObservations Observations, AuditReport Report, SiteModel Model)> AnalyzeAsync(
        CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var pipeline = new AuditPipeline(AttributionData.CreateAttributor(context.Data), context.Time);
        var observations = await ObserveAsync(context, parseResult, pipeline, cancellationToken);
        var report = pipeline.Analyze(observations);
        return (observations, report, SiteModelBuilder.Build(report));
    }
}
