using System.Reflection;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Attribution.Audit;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Collection.Session;
using Chokepoint.Engine.Data;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Planning.Inputs;
using Chokepoint.Planning.Plans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chokepoint.Engine;

/// <summary>
/// The audit as a library: composes collect → observations → attribution → analysis → plan once, from validated
/// settings and data sets loaded once, for every front end (the CLI, a scanner, a watcher, a service). Thread-safe:
/// many audits may run through one engine at once, at most <see cref="EngineSettings.MaxConcurrentAudits"/> of
/// them collecting at a time.
/// </summary>
public sealed partial class ChokepointEngine : IDisposable
{
    private readonly ReportAttributor attributor;
    private readonly ReportAnalyzer analyzer;
    private readonly CollectionSession session;
    private readonly SemaphoreSlim collecting;
    private readonly ILogger logger;
    private readonly TimeProvider time;

    /// <summary>Builds an engine from <paramref name="settings"/> and data sets already loaded.</summary>
    /// <exception cref="EngineException">A setting is invalid (every problem is named in the message).</exception>
    public ChokepointEngine(EngineSettings settings, EngineDataSets dataSets, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dataSets);
        var errors = EngineSettingsValidator.Check(settings);
        if (errors.Count > 0)
        {
            throw new EngineException(string.Join("; ", errors), isUsageError: true);
        }

        Settings = settings;
        DataSets = dataSets;
        this.time = time ?? TimeProvider.System;
        logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<ChokepointEngine>();
        attributor = new ReportAttributor(new CatalogLookup(dataSets.Catalog), dataSets.Suffixes);
        analyzer = new ReportAnalyzer(dataSets.History);
        // The IP-to-ASN table is the engine's, loaded once: the session never opens a file of its own.
        var collection = (settings with { Network = settings.Network with { AsnDatabase = null } }).ToCollectionSettings(ToolVersion);
        session = new CollectionSession(collection, dataSets.Asn, this.time, loggers, asnProblem: dataSets.Asn is null ? dataSets.AsnProblem : null);
        collecting = new SemaphoreSlim(settings.MaxConcurrentAudits, settings.MaxConcurrentAudits);
    }

    /// <summary>The settings the engine was built from.</summary>
    public EngineSettings Settings { get; }

    /// <summary>The data sets every audit of this engine uses.</summary>
    public EngineDataSets DataSets { get; }

    /// <summary>The tool's version, as reports name it.</summary>
    public static string ToolVersion { get; } =
        typeof(ChokepointEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Loads the data sets named by <paramref name="settings"/> and builds an engine on them.</summary>
    /// <exception cref="EngineException">A setting is invalid or a required data set is missing.</exception>
    public static ChokepointEngine Create(EngineSettings settings, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = EngineSettingsValidator.Check(settings);
        if (errors.Count > 0)
        {
            throw new EngineException(string.Join("; ", errors), isUsageError: true);
        }

        var data = settings.DataDirectory is { } root ? new DataDirectory(root) : DataDirectory.Locate();
        return new ChokepointEngine(settings, EngineDataSets.Load(data, settings.Network.AsnDatabase), time, loggers);
    }

    /// <summary>Collects <paramref name="domain"/> from the outside and analyses what was seen.</summary>
    public async Task<AuditOutcome> AuditAsync(string domain, AuditRequest? request = null, CancellationToken cancellationToken = default)
    {
        using var activity = EngineTelemetry.Source.StartActivity("audit");
        activity?.SetTag("chokepoint.domain", domain);
        var started = time.GetTimestamp();
        var observations = await CollectAsync(domain, request, cancellationToken);
        request?.Progress?.Report(new AuditProgress(observations.Domain, AuditStep.Analysing, null, 0, 0, time.GetElapsedTime(started)));
        var report = Analyze(observations);
        request?.Progress?.Report(new AuditProgress(observations.Domain, AuditStep.Finished, null, 0, 0, time.GetElapsedTime(started)));
        activity?.SetTag("chokepoint.grade", report.Grade);
        return new AuditOutcome(observations, report);
    }

    /// <summary>
    /// Collects the observations of <paramref name="domain"/>; network trouble becomes gaps, never exceptions. A URL or
    /// a host name (<c>https://www.example.com/path</c>, <c>shop.example.com</c>) is reduced to its registrable domain
    /// by the Public Suffix List for the name layers (registration, DNS, mail), and the host given is kept as the web
    /// entry point (<see cref="SiteObservations.EntryPoint"/>) the pages are collected from.
    /// </summary>
    /// <exception cref="EngineException">
    /// The name is a public suffix (co.uk, github.io), the entry point is not under the domain, or the budget is out of range.
    /// </exception>
    public async Task<SiteObservations> CollectAsync(string domain, AuditRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var (registrable, given) = SiteName(domain);
        var entryPoint = request?.EntryPoint is { } asked ? Naming.HostName.Normalize(Collection.Audit.AuditCollector.Normalise(asked)) : given;
        if (entryPoint is not null && entryPoint != registrable && !entryPoint.EndsWith("." + registrable, StringComparison.Ordinal))
        {
            throw new EngineException($"the web entry point {entryPoint} is not under {registrable}", isUsageError: true);
        }

        entryPoint = entryPoint == registrable ? null : entryPoint;
        domain = registrable;

        var budget = request?.Budget ?? Settings.SiteBudget;
        if (budget <= TimeSpan.Zero || budget > TimeSpan.FromHours(1))
        {
            throw new EngineException($"the audit budget of {budget.TotalSeconds} s is not more than 0 and at most 3600 s", isUsageError: true);
        }

        using var activity = EngineTelemetry.Source.StartActivity("collect");
        activity?.SetTag("chokepoint.domain", domain);
        await collecting.WaitAsync(cancellationToken);
        var started = time.GetTimestamp();
        var collectPage = Settings.CollectPages || request?.Har is not null;
        request?.Progress?.Report(new AuditProgress(domain, AuditStep.Collecting, null, 0, 0, TimeSpan.Zero));
        try
        {
            var collected = await session.CollectAsync(
                domain,
                new SiteCollectionRequest
                {
                    Timeout = budget,
                    CollectPage = collectPage,
                    Har = request?.Har,
                    EntryPoint = entryPoint,
                    RegistrableDomainOf = DataSets.Suffixes.GetRegistrableDomain,
                    IsKnownNameServer = host => DataSets.Catalog.Match(Attribution.Catalog.SignalKind.Ns, host) is not null,
                    Progress = request?.Progress is { } progress ? new PhaseProgress(progress, time, started, collectPage) : null,
                },
                cancellationToken);
            var observations = collected with { DataSets = [.. DataSets.CollectionVersions] };
            var elapsed = time.GetElapsedTime(started);
            activity?.SetTag("chokepoint.gaps", observations.Unobserved.Count);
            LogCollected(logger, observations.Domain, elapsed.TotalMilliseconds, observations.Unobserved.Count);
            return observations;
        }
        finally
        {
            collecting.Release();
        }
    }

    /// <summary>
    /// The registrable domain of what the user gave (a domain, a host or a URL) and the host itself when it is not that
    /// domain: <c>https://www.example.com/path</c> is <c>example.com</c> entered at <c>www.example.com</c>.
    /// </summary>
    /// <exception cref="EngineException">The name is a public suffix, under which others register theirs.</exception>
    public (string Domain, string? EntryPoint) SiteName(string given)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(given);
        var host = Naming.HostName.Normalize(Collection.Audit.AuditCollector.Normalise(given));
        var registrable = DataSets.Suffixes.GetRegistrableDomain(host) ?? throw new EngineException(
            $"'{given}' is a public suffix (a name under which others register theirs), not a site: give a domain registered under it", isUsageError: true);
        return (registrable, host == registrable ? null : host);
    }

    /// <summary>Attribution and analysis of saved or fresh observations: pure, no network.</summary>
    public AuditReport Analyze(SiteObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        using var activity = EngineTelemetry.Source.StartActivity("analyze");
        var report = analyzer.Complete(attributor.Attribute(observations));
        return report with
        {
            EntryPoint = observations.EntryPoint,
            Provenance = new ReportProvenance
            {
                ToolVersion = ToolVersion,
                CollectedBy = string.IsNullOrEmpty(observations.ToolVersion) ? null : observations.ToolVersion,
                DataSets = [
                    .. DataSets.AnalysisVersions,
                    .. observations.DataSets.Select(set => new DataSetVersion(set.Name, set.Version, set.Date)),
                ],
            },
        };
    }

    /// <summary>The site's functions as requirement trees over suppliers, for what-ifs and plans.</summary>
    public static SiteModel Model(AuditReport report) => SiteModelBuilder.Build(report);

    /// <summary>The plan that removes each single point of failure, with its artifacts.</summary>
    public Plan Plan(SiteObservations observations, AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(report);
        using var activity = EngineTelemetry.Source.StartActivity("plan");
        var model = Model(report);
        return Planner.Plan(model, ChokepointAnalysis.Analyze(model), PlanInputsBuilder.Build(observations, report, DataSets.Catalog));
    }

    /// <summary>
    /// What happens if <paramref name="companies"/> (catalog ids, company or product names) stop serving the site.
    /// </summary>
    /// <exception cref="UnknownCompanyException">A name matches no company.</exception>
    public WhatIfReport WhatIf(AuditReport report, IEnumerable<string> companies)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(companies);
        using var activity = EngineTelemetry.Source.StartActivity("whatif");
        var model = Model(report);
        var dropped = companies.Select(company => CompanyResolver.Resolve(company, report, model, DataSets.Catalog))
            .DistinctBy(company => company.CompanyId, StringComparer.Ordinal).ToList();
        return WhatIfReport.Evaluate(model, dropped, RecoveryFactsReader.Read(report));
    }

    /// <summary>
    /// What the catalog says about one signal (<c>ns</c>, <c>cname</c>, <c>ip</c>, <c>header</c>, ...) and why; an
    /// address is looked up in the engine's IP-to-ASN table.
    /// </summary>
    /// <exception cref="EngineException">An address was given and no IP-to-ASN table is loaded.</exception>
    public IdentifyResult Identify(string kind, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(value);
        Func<System.Net.IPAddress, (int Asn, string Org)?>? asn = null;
        if (kind == "ip")
        {
            var table = DataSets.Asn ?? throw new EngineException(
                DataSets.AsnProblem ?? "no IP-to-ASN data set loaded: run 'chokepoint data update' (or give --asn-db)", isUsageError: false);
            asn = address => table.Lookup(address) is { } match ? (match.Asn, match.Organization) : null;
        }

        return new Identifier(DataSets.Catalog, asn).Identify(kind, value);
    }

    /// <inheritdoc />
    /// <remarks>Audits still collecting then end with their gaps; the engine cannot be used afterwards.</remarks>
    public void Dispose() => session.Dispose();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "collected {Domain} in {ElapsedMs:0} ms with {Gaps} gaps")]
    private static partial void LogCollected(ILogger logger, string domain, double elapsedMs, int gaps);
}
