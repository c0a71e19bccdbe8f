using Chokepoint.Model;

namespace Chokepoint.Analysis.Concentration;

/// <summary>
/// Accumulates running counts over audit reports, one at a time, without keeping them: memory grows with the number
/// of companies, functions and distinct history lines, and per site only by its domain (docs/concentration.md).
/// </summary>
public sealed class ConcentrationBuilder
{
    /// <summary>The id of the headline over the layers of Kashaf et al. (IMC 2020): DNS, CDN and CA.</summary>
    public const string DnsCdnCaHeadline = "dns-cdn-ca";

    /// <summary>The id of the headline over every layer but registration.</summary>
    public const string AnyLayerHeadline = "any-layer";

    private const string SelfPrefix = "self:";

    private sealed class LayerCounts
    {
        public int Observed;
        public int Incomplete;
        public int UsingThirdParty;
        public int Critical;
        public readonly Dictionary<string, int> Uses = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> CriticalOn = new(StringComparer.Ordinal);
    }

    private sealed class HeadlineCounts(string id, string name, IReadOnlyList<Layer> layers)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public IReadOnlyList<Layer> Layers { get; } = layers;
        public int Dependent;
        public int NotDependent;
        public int Undetermined;
    }

    private sealed class FunctionCounts(string id, string name)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public int Observed;
        public int Incomplete;
        public int Critical;
        public readonly Dictionary<string, int> CriticalOn = new(StringComparer.Ordinal);
    }

    private sealed class CompanyCounts
    {
        public int Uses;
        public int Breaks;
        public int BreaksInherent;
        public int BreaksIndirectOnly;
        public readonly Dictionary<string, int> Functions = new(StringComparer.Ordinal);
        public readonly HashSet<Layer> Layers = [];
        public readonly List<string> History = [];
        public readonly HashSet<string> HistorySeen = new(StringComparer.Ordinal);
    }

    // One entry per distinct domain: the only per-site state kept. A scan list is already deduplicated, so this set
    // only catches records joined from several files; its size is that of the domains, not of their reports.
    private readonly HashSet<string> domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Layer, LayerCounts> layers = Enum.GetValues<Layer>().ToDictionary(l => l, _ => new LayerCounts());
    private readonly List<HeadlineCounts> headlines =
    [
        new(DnsCdnCaHeadline, "DNS, CDN or CA", [Layer.Dns, Layer.Cdn, Layer.Tls]),
        new(AnyLayerHeadline, "Any layer but registration", [.. Enum.GetValues<Layer>().Where(l => l != Layer.Registration)]),
    ];

    private readonly List<FunctionCounts> functions = [];
    private readonly Dictionary<string, FunctionCounts> functionsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompanyCounts> companies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private int duplicates;
    private int complete;
    private int failed;

    /// <summary>Adds one site's report; a later report for a domain already added is counted and ignored.</summary>
    /// <param name="report">The audit report.</param>
    /// <returns>False when the domain was already added.</returns>
    public bool Add(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!domains.Add(report.Domain))
        {
            duplicates++;
            return false;
        }

        if (report.Complete)
        {
            complete++;
        }

        // Per layer: observed or not, and which companies are used and critical in it.
        var observedLayers = new HashSet<Layer>();
        var criticalLayers = new HashSet<Layer>();
        var usedAnywhere = new HashSet<string>(StringComparer.Ordinal);
        var usedObserved = new Dictionary<string, HashSet<Layer>>(StringComparer.Ordinal);
        foreach (var (layer, counts) in layers)
        {
            var reports = report.Layers.Where(l => l.Layer == layer).ToList();
            var thirdParty = reports.SelectMany(l => l.Dependencies).Where(IsThirdParty).ToList();
            foreach (var owner in thirdParty.Select(OwnerOf))
            {
                names.TryAdd(owner.Id, owner.Name);
                usedAnywhere.Add(owner.Id);
            }

            // A site seen only through its CDN's edge, with no hosting company named otherwise (a platform's CNAME), has
            // a hosting company nobody outside can see: not observed, and never "no third-party hosting".
            if (reports.Count == 0 || reports.Any(l => l.Coverage != Coverage.Observed
                || (l.Dependencies.Count == 0 && l.Unobserved.Any(u => u.What == UnobservedItem.HiddenOrigin))))
            {
                counts.Incomplete++;
                continue;
            }

            observedLayers.Add(layer);
            counts.Observed++;
            var used = new HashSet<string>(StringComparer.Ordinal);
            var critical = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in thirdParty)
            {
                var owner = OwnerOf(d);
                used.Add(owner.Id);
                if (!d.Redundant)
                {
                    critical.Add(owner.Id);
                }
            }

            if (used.Count > 0)
            {
                counts.UsingThirdParty++;
            }

            if (critical.Count > 0)
            {
                counts.Critical++;
                criticalLayers.Add(layer);
            }

            foreach (var id in used)
            {
                counts.Uses[id] = counts.Uses.GetValueOrDefault(id) + 1;
                if (!usedObserved.TryGetValue(id, out var inLayers))
                {
                    usedObserved[id] = inLayers = [];
                }

                inLayers.Add(layer);
            }

            foreach (var id in critical)
            {
                counts.CriticalOn[id] = counts.CriticalOn.GetValueOrDefault(id) + 1;
            }
        }

        foreach (var headline in headlines)
        {
            if (headline.Layers.Any(criticalLayers.Contains))
            {
                headline.Dependent++;
            }
            else if (headline.Layers.All(observedLayers.Contains))
            {
                headline.NotDependent++;
            }
            else
            {
                headline.Undetermined++;
            }
        }

        AddFunctions(report);

        foreach (var (id, inLayers) in usedObserved)
        {
            var company = Company(id);
            company.Uses++;
            company.Layers.UnionWith(inLayers);
        }

        AddChokepoints(report, usedAnywhere);
        return true;
    }

    /// <summary>
    /// Adds a site that has no report (its collection failed): it counts in <see cref="ConcentrationReport.Sites"/> and
    /// <see cref="ConcentrationReport.Failed"/>, as incomplete in every layer and undetermined in every headline, and
    /// in no function (it has none).
    /// </summary>
    /// <param name="domain">The site's registrable domain.</param>
    /// <returns>False when the domain was already added.</returns>
    public bool AddFailed(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        if (!domains.Add(domain))
        {
            duplicates++;
            return false;
        }

        failed++;
        foreach (var counts in layers.Values)
        {
            counts.Incomplete++;
        }

        foreach (var headline in headlines)
        {
            headline.Undetermined++;
        }

        return true;
    }

    /// <summary>Builds the summary of the reports added so far.</summary>
    /// <returns>The concentration report.</returns>
    public ConcentrationReport Build() => new(
        domains.Count,
        duplicates,
        complete,
        failed,
        [.. headlines.Select(h => new HeadlineMeasure(h.Id, h.Name, h.Layers, h.Dependent, h.NotDependent, h.Undetermined))],
        [.. layers.OrderBy(p => p.Key).Select(p => new LayerConcentration(
            p.Key, p.Value.Observed, p.Value.Incomplete, p.Value.UsingThirdParty, p.Value.Critical,
            new Dictionary<string, int>(p.Value.Uses, StringComparer.Ordinal),
            new Dictionary<string, int>(p.Value.CriticalOn, StringComparer.Ordinal)))],
        [.. functions.Select(f => new FunctionConcentration(f.Id, f.Name, f.Observed, f.Incomplete, f.Critical,
            new Dictionary<string, int>(f.CriticalOn, StringComparer.Ordinal)))],
        [.. companies
            .OrderByDescending(p => p.Value.Breaks).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new CompanyConcentration(
                p.Key, names.GetValueOrDefault(p.Key, p.Key), p.Value.Uses, p.Value.Breaks, p.Value.BreaksInherent, p.Value.BreaksIndirectOnly,
                new Dictionary<string, int>(p.Value.Functions, StringComparer.Ordinal),
                [.. p.Value.Layers.Order()],
                [.. p.Value.History]))],
        new Dictionary<string, string>(names, StringComparer.Ordinal));

    private void AddFunctions(AuditReport report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in report.Functions)
        {
            // A report lists each function once; a repeated id would count the site twice.
            if (!seen.Add(function.Id))
            {
                continue;
            }

            if (!functionsById.TryGetValue(function.Id, out var counts))
            {
                counts = new FunctionCounts(function.Id, function.Name);
                functionsById[function.Id] = counts;
                functions.Add(counts);
            }

            if (function.Coverage != Coverage.Observed)
            {
                counts.Incomplete++;
                continue;
            }

            counts.Observed++;
            var thirdParty = function.SinglePoints.Where(id => !IsSelf(id)).Distinct(StringComparer.Ordinal).ToList();
            if (thirdParty.Count > 0)
            {
                counts.Critical++;
            }

            foreach (var id in thirdParty)
            {
                counts.CriticalOn[id] = counts.CriticalOn.GetValueOrDefault(id) + 1;
            }
        }
    }

    private void AddChokepoints(AuditReport report, HashSet<string> usedAnywhere)
    {
        var byCompany = report.Chokepoints.Where(c => !IsSelf(c.Entity.Id)).GroupBy(c => c.Entity.Id, StringComparer.Ordinal);
        foreach (var group in byCompany)
        {
            var company = Company(group.Key);
            names.TryAdd(group.Key, group.First().Entity.Name);
            company.Breaks++;
            if (group.All(c => c.Inherent))
            {
                company.BreaksInherent++;
            }

            // Direct use in any layer, observed or not: a company seen in a partly observed layer was still chosen.
            if (!usedAnywhere.Contains(group.Key))
            {
                company.BreaksIndirectOnly++;
            }

            foreach (var function in group.SelectMany(c => c.Functions).Distinct(StringComparer.Ordinal))
            {
                company.Functions[function] = company.Functions.GetValueOrDefault(function) + 1;
            }

            foreach (var line in group.SelectMany(c => c.History))
            {
                if (company.HistorySeen.Add(line))
                {
                    company.History.Add(line);
                }
            }
        }
    }

    private CompanyCounts Company(string id)
    {
        if (!companies.TryGetValue(id, out var company))
        {
            companies[id] = company = new CompanyCounts();
        }

        return company;
    }

    private static bool IsThirdParty(Dependency dependency) =>
        dependency.Classification == Classification.ThirdParty && !IsSelf(OwnerOf(dependency).Id);

    private static EntityRef OwnerOf(Dependency dependency) => dependency.Owner ?? dependency.Entity;

    private static bool IsSelf(string id) => id.StartsWith(SelfPrefix, StringComparison.Ordinal);
}
