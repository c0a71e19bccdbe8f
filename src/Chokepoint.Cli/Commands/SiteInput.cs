using System.CommandLine;
using Chokepoint.Engine;
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

    /// <summary>Reads the observations file, or audits the domain now; with the engine that did it.</summary>
    public async Task<(ChokepointEngine Engine, SiteObservations Observations, AuditReport Report)> AnalyzeAsync(
        CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var target = parseResult.GetRequiredValue(Target);
        if (File.Exists(target) || target.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var observations = ObservationsFile.Read(new FileInfo(target));
            var offline = EngineFactory.Create(context);
            return (offline, observations, offline.Analyze(observations));
        }

        var domain = DomainArgument.Normalize(target);
        var engine = EngineFactory.Create(context, Network.Settings(parseResult, context.Data));
        try
        {
            var (collected, report) = await engine.AuditAsync(domain, cancellationToken: cancellationToken);
            return (engine, collected, report);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
