using System.Globalization;
using Chokepoint.Model;

namespace Chokepoint.Reporting.Markdown;

/// <summary>
/// The words the Markdown and HTML views share, so both say the same thing about a report: layer titles,
/// company labels, function names and the evidence line of a dependency.
/// </summary>
internal static partial class ReportLabels
{
    /// <summary>The time a report was collected, in UTC.</summary>
    public static string CollectedAt(AuditReport report) =>
        report.CollectedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The grade explanation without a leading "F: " that repeats the grade; null when there is none.</summary>
    public static string? GradeExplanation(AuditReport report)
    {
        if (report.GradeExplanation is not { Length: > 0 } explanation)
        {
            return null;
        }

        return report.Grade is { Length: > 0 } grade && explanation.StartsWith(grade + ": ", StringComparison.Ordinal)
            ? explanation[(grade.Length + 2)..]
            : explanation;
    }

    /// <summary>The grade as the views print it: "D", "not graded (D or worse)" or "not graded".</summary>
    public static string Grade(AuditReport report) =>
        report.Grade ?? (report.GradeBound is { } bound ? $"not graded ({bound} or worse)" : "not graded");

    /// <summary>"observed", "partly observed", "not observed".</summary>
    public static string Coverage(Coverage coverage) => coverage.ToWord().Replace('-', ' ');

    /// <summary>The banner line of a state, e.g. "ON HOLD: example.com is on hold (...)".</summary>
    public static string Banner(SiteState state) =>
        state.Kind.ToWord().Replace('-', ' ').ToUpperInvariant() + ": " + state.Text;

    /// <summary>The functions short of observed, with the gaps behind each: what the grade could not see.</summary>
    public static IEnumerable<FunctionReport> Incomplete(AuditReport report) =>
        report.Functions.Where(function => function.Coverage != Model.Coverage.Observed);

    /// <summary>The heading of a layer.</summary>
    public static string LayerTitle(Layer layer) => layer switch
    {
        Layer.Registration => "Registration",
        Layer.Dns => "DNS",
        Layer.Hosting => "Hosting",
        Layer.Cdn => "CDN",
        Layer.Tls => "TLS certificates",
        Layer.Mail => "Mail",
        Layer.Page => "Page",
        Layer.Money => "Money",
        _ => layer.ToWord(),
    };

    /// <summary>The company, with its ultimate owner when another company owns it.</summary>
    public static string Company(Dependency dependency) =>
        dependency.Owner is { } owner && owner.Id != dependency.Entity.Id
            ? $"{dependency.Entity.Name} ({owner.Name})"
            : dependency.Entity.Name;

    /// <summary>The owner the analysis counts (the ultimate owner, else the entity).</summary>
    public static EntityRef Owner(Dependency dependency) => dependency.Owner ?? dependency.Entity;

    /// <summary>"dns: Amazon Route 53", or only the service when no product was named.</summary>
    public static string ServiceAndProvider(Dependency dependency) =>
        dependency.Provider is null ? dependency.Service.ToWord() : $"{dependency.Service.ToWord()}: {dependency.Provider}";

    /// <summary>Answers "third party?" for a dependency.</summary>
    public static string ThirdParty(Dependency dependency) => dependency.Classification switch
    {
        Classification.ThirdParty => "yes",
        Classification.Private => "no (run by the site)",
        _ => "unknown",
    };

    /// <summary>"↳ Amazon.com, Inc.": the company a provider itself relies on, marked as one level down.</summary>
    public static string UpstreamCompany(Dependency upstream) => "↳ " + Company(upstream);

    /// <summary>"dns of zone cloudfront.net: Amazon Route 53", the service a provider itself relies on.</summary>
    public static string UpstreamServiceAndProvider(Dependency upstream)
    {
        var service = upstream.Facts?.Upstream?.Zone is { } zone ? $"{upstream.Service.ToWord()} of zone {zone}" : upstream.Service.ToWord();
        return upstream.Provider is null ? service : $"{service}: {upstream.Provider}";
    }

    /// <summary>Answers "third party?" for what a provider relies on, relative to that provider.</summary>
    public static string UpstreamThirdParty(Dependency upstream) => upstream.Classification switch
    {
        Classification.ThirdParty => "yes (another company than the provider)",
        Classification.Private => "no (run by the provider itself)",
        _ => "unknown",
    };

    /// <summary>
    /// "redundant" or "single" for what a provider relies on; "provider's own" when the provider runs it itself,
    /// which is no extra risk (it stands or falls with the provider).
    /// </summary>
    public static string UpstreamRedundancy(Dependency upstream) =>
        upstream.Classification == Classification.Private ? "provider's own" : Redundancy(upstream);

    /// <summary>"redundant" or "single".</summary>
    public static string Redundancy(Dependency dependency) => dependency.Redundant ? "redundant" : "single";

    /// <summary>One line per distinct observed signal, e.g. "ns amy.ns.cloudflare.com".</summary>
    public static IReadOnlyList<string> EvidenceLines(Dependency dependency) =>
        dependency.Evidence.Select(evidence => $"{evidence.Signal} {evidence.Value}").Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Display names of the companies in a report, keyed by id (owners, entities and chokepoints).</summary>
    public static Dictionary<string, string> CompanyNames(AuditReport report)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in report.Layers.SelectMany(layer => layer.Dependencies).SelectMany(d => d.DependsOn.Prepend(d)))
        {
            names.TryAdd(dependency.Entity.Id, dependency.Entity.Name);
            if (dependency.Owner is { } owner)
            {
                names[owner.Id] = owner.Name;
            }
        }

        foreach (var chokepoint in report.Chokepoints)
        {
            names.TryAdd(chokepoint.Entity.Id, chokepoint.Entity.Name);
        }

        return names;
    }

    /// <summary>Display names of the report's functions, keyed by id.</summary>
    public static Dictionary<string, string> FunctionNames(AuditReport report)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in report.Functions)
        {
            names.TryAdd(function.Id, function.Name);
        }

        return names;
    }

    /// <summary>The name for an id, or the id itself when the report does not name it.</summary>
    public static string NameOf(IReadOnlyDictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var name) ? name : id;

    /// <summary>"inherent: every .com name has one registry" for a chokepoint every site has; null otherwise.</summary>
    public static string? Inherent(ChokepointReport chokepoint) =>
        chokepoint.Inherent ? "inherent: " + (chokepoint.InherentReason ?? "single by construction") : null;

    /// <summary>The time to recover of a chokepoint, or a statement that it was not estimated.</summary>
    public static string TimeToRecover(ChokepointReport chokepoint) =>
        chokepoint.TimeToRecover is { } recovery && recovery.Summary.Length > 0 ? recovery.Summary : "not estimated";

    /// <summary>
    /// Splits history lines into entries: an unindented line starts an entry (the summary), indented lines
    /// that follow it are its cases.
    /// </summary>
    public static IReadOnlyList<(string Line, List<string> Cases)> History(ChokepointReport chokepoint)
    {
        var entries = new List<(string Line, List<string> Cases)>();
        foreach (var line in chokepoint.History)
        {
            var indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
            if (indented && entries.Count > 0)
            {
                entries[^1].Cases.Add(line.Trim());
            }
            else
            {
                entries.Add((line.Trim(), []));
            }
        }

        return entries;
    }

    /// <summary>
    /// <paramref name="text"/> (the grade explanation) with each company and function id the report knows replaced
    /// by its name: "godaddy (3 critical functions (name-resolves, web-served))" reads "GoDaddy Inc. (3 critical
    /// functions (The name resolves, Web pages are served))". Only whole ids are replaced, never part of a word.
    /// </summary>
    public static string WithNames(AuditReport report, string text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        var names = CompanyNames(report);
        foreach (var (id, name) in FunctionNames(report))
        {
            names.TryAdd(id, name);
        }

        return IdPattern().Replace(text, match => names.TryGetValue(match.Value, out var name) ? name : match.Value);
    }

    // An id: lowercase letters, digits, '-', ':' and '.', not inside a longer word; a trailing '.' ends the sentence.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w:.\-])[a-z0-9](?:[a-z0-9:.\-]*[a-z0-9])?(?![\w:\-])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}
