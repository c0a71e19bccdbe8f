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

    public ProgressOptions Progress { get; } = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Target);
        Network.AddTo(command);
        Progress.AddTo(command);
    }

    /// <summary>The saved observations file given, or null when the target is a domain to audit now.</summary>
    public string? FileOf(ParseResult parseResult) =>
        parseResult.GetRequiredValue(Target) is var target && (File.Exists(target) || target.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) ? target : null;

    /// <summary>Reads the observations file, or audits the domain now; with the engine that did it.</summary>
    public async Task<(ChokepointEngine Engine, SiteObservations Observations, AuditReport Report)> AnalyzeAsync(
        CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var target = parseResult.GetRequiredValue(Target);
        if (FileOf(parseResult) is { } file)
        {
            var observations = ObservationsFile.Read(new FileInfo(file));
            var offline = EngineFactory.Create(context);
            return (offline, observations, offline.Analyze(observations));
        }

        var domain = DomainArgument.Normalize(target);
        var engine = EngineFactory.Create(context, Network.Settings(parseResult, context.Data));
        try
        {
            using var progress = Progress.Create(context, parseResult);
            var (collected, report) = await engine.AuditAsync(domain, new AuditRequest { Progress = progress }, cancellationToken);
            return (engine, collected, report);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
