using Chokepoint.Model;

namespace Chokepoint.Analysis.Concentration;

/// <summary>Accumulates running counts over audit reports, one at a time, without keeping them.</summary>
public sealed class ConcentrationBuilder
{
    private sealed class LayerCounts
    {
        public int Observed;
        public int Incomplete;
        public int UsingThirdParty;
        public int Critical;
        public readonly Dictionary<string, int> Uses = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> CriticalOn = new(StringComparer.Ordinal);
    }

    private readonly HashSet<string> domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Layer, LayerCounts> layers = Enum.GetValues<Layer>().ToDictionary(l => l, _ => new LayerCounts());
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private int duplicates;

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

        foreach (var (layer, counts) in layers)
        {
            var lr = report.Layers.FirstOrDefault(l => l.Layer == layer);
            if (lr is null || lr.Coverage != Coverage.Observed)
            {
                counts.Incomplete++;
                continue;
            }

            counts.Observed++;
            var used = new HashSet<string>(StringComparer.Ordinal);
            var critical = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in lr.Dependencies.Where(d => d.Classification == Classification.ThirdParty))
            {
                var owner = d.Owner ?? d.Entity;
                names.TryAdd(owner.Id, owner.Name);
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
            }

            foreach (var id in used)
            {
                counts.Uses[id] = counts.Uses.GetValueOrDefault(id) + 1;
            }

            foreach (var id in critical)
            {
                counts.CriticalOn[id] = counts.CriticalOn.GetValueOrDefault(id) + 1;
            }
        }

        return true;
    }

    /// <summary>Builds the summary of the reports added so far.</summary>
    /// <returns>The concentration report.</returns>
    public ConcentrationReport Build() => new(
        domains.Count,
        duplicates,
        0,
        0,
        [],
        layers.OrderBy(p => p.Key).Select(p => new LayerConcentration(
            p.Key, p.Value.Observed, p.Value.Incomplete, p.Value.UsingThirdParty, p.Value.Critical,
            new Dictionary<string, int>(p.Value.Uses, StringComparer.Ordinal),
            new Dictionary<string, int>(p.Value.CriticalOn, StringComparer.Ordinal))).ToList(),
        [],
        [],
        new Dictionary<string, string>(names, StringComparer.Ordinal));
}
