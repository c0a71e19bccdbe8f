using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Recovery;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>A what-if and how long each failing function stays broken: what every view of a what-if shows.</summary>
/// <param name="Result">The outcome of each function.</param>
/// <param name="Recoveries">
/// Each way back once, with the functions it restores: functions restored by replacing the same companies in the
/// same steps share one entry (a CDN's replacement restores the pages, HTTPS and every revenue path at once).
/// </param>
public sealed record WhatIfReport(WhatIfResult Result, IReadOnlyList<WhatIfRecovery> Recoveries)
{
    /// <summary>Above this many dropped companies in one function, the cheapest subset to replace is not searched: all are replaced.</summary>
    private const int MaxSearchedCompanies = 10;

    /// <summary>The recovery that restores <paramref name="functionId"/>, or null when it does not fail.</summary>
    public WhatIfRecovery? RecoveryOf(string functionId) =>
        Recoveries.FirstOrDefault(r => r.FunctionIds.Contains(functionId, StringComparer.Ordinal));

    /// <summary>Drops <paramref name="dropped"/> (company ids) from <paramref name="model"/>; see <see cref="Evaluate(SiteModel, IReadOnlyList{DroppedCompany}, RecoveryFacts)"/>.</summary>
    public static WhatIfReport Evaluate(SiteModel model, IReadOnlySet<string> dropped, RecoveryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dropped);
        return Evaluate(model, WhatIf.Evaluate(model, dropped).Dropped, facts);
    }

    /// <summary>
    /// Drops <paramref name="dropped"/> from <paramref name="model"/> and evaluates every function. A failing
    /// function is restored by replacing the fewest, fastest of the dropped companies that bring it back (of two
    /// dropped alternatives, one is enough); functions restored by the same replacements in the same steps share one
    /// recovery. The revenue paths that keep earning are those of this scenario, not of the site unharmed.
    /// </summary>
    public static WhatIfReport Evaluate(SiteModel model, IReadOnlyList<DroppedCompany> dropped, RecoveryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(facts);
        var ids = dropped.Select(d => d.CompanyId).ToHashSet(StringComparer.Ordinal);
        var result = WhatIf.Evaluate(model, ids) with { Dropped = [.. dropped.OrderBy(d => d.CompanyId, StringComparer.Ordinal)] };
        var failing = result.Functions.Where(f => f.Outcome == OutcomeKind.Fails).Select(f => f.FunctionId).ToHashSet(StringComparer.Ordinal);
        var scenarioFacts = facts with
        {
            RevenuePathsRemaining = model.Functions.Any(f => f.Kind == FunctionKind.Revenue)
                ? model.Functions.Count(f => f.Kind == FunctionKind.Revenue && !failing.Contains(f.Id))
                : facts.RevenuePathsRemaining,
        };

        var recoveries = new List<(List<string> Companies, List<string> Functions, List<TimeToRecover> Parts, string Key)>();
        foreach (var function in model.Functions.Where(f => failing.Contains(f.Id)))
        {
            var companies = Cheapest(function, ids, scenarioFacts);
            var parts = companies.Select(company => RecoveryEstimator.Estimate(company, function, scenarioFacts)).ToList();
            var key = string.Join("\n", parts.Select(Describe));
            var same = recoveries.FindIndex(r => r.Key == key);
            if (same >= 0)
            {
                recoveries[same].Functions.Add(function.Id);
            }
            else
            {
                recoveries.Add((companies, [function.Id], parts, key));
            }
        }

        return new WhatIfReport(result, [.. recoveries.Select((r, i) => new WhatIfRecovery($"r{i + 1}", r.Companies, r.Functions, r.Parts))]);
    }

    /// <summary>
    /// The dropped companies whose replacement brings <paramref name="function"/> back soonest: the subset of those it
    /// uses that restores it with the lowest worst case, then the fewest companies.
    /// </summary>
    private static List<string> Cheapest(SiteFunction function, IReadOnlySet<string> dropped, RecoveryFacts facts)
    {
        var involved = function.Requirement.Suppliers().Select(s => s.CompanyId).Where(dropped.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (involved.Count > MaxSearchedCompanies)
        {
            return involved;
        }

        var single = new SiteModel(string.Empty, [function]);
        var high = involved.ToDictionary(c => c, c => RecoveryEstimator.Estimate(c, function, facts).High, StringComparer.Ordinal);
        List<string>? best = null;
        var bestHigh = TimeSpan.MaxValue;
        for (var mask = 1; mask < 1 << involved.Count; mask++)
        {
            var replaced = involved.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var worst = replaced.Max(c => high[c]);
            if (worst > bestHigh || (worst == bestHigh && best is not null && replaced.Count >= best.Count))
            {
                continue;
            }

            var stillGone = dropped.Except(replaced, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            if (WhatIf.Evaluate(single, stillGone).Functions[0].Outcome != OutcomeKind.Fails)
            {
                best = replaced;
                bestHigh = worst;
            }
        }

        return best ?? involved;
    }

    private static string Describe(TimeToRecover time) =>
        $"{time.CompanyId}|{time.Low}|{time.High}|{time.OpenEnded}|{string.Join("|", time.Steps)}|{string.Join("|", time.Assumptions)}";
}
