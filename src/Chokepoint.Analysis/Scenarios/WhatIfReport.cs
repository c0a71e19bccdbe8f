using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>A what-if and how long each failing function stays broken: what every view of a what-if shows.</summary>
/// <param name="Result">The outcome of each function.</param>
/// <param name="Functions">For each failing function, its time to recover and the replacements that bring it back.</param>
/// <param name="Recoveries">
/// Each replacement once, with the functions it is part of restoring: replacing a company's DNS restores the name,
/// the pages and mail at once, and is described once.
/// </param>
public sealed record WhatIfReport(WhatIfResult Result, IReadOnlyList<FunctionRecovery> Functions, IReadOnlyList<WhatIfRecovery> Recoveries)
{
    /// <summary>Above this many dropped companies in one function, the cheapest subset to replace is not searched: all are replaced.</summary>
    private const int MaxSearchedCompanies = 10;

    /// <summary>The time to recover <paramref name="functionId"/>, or null when it does not fail.</summary>
    public FunctionRecovery? RecoveryOf(string functionId) =>
        Functions.FirstOrDefault(r => string.Equals(r.FunctionId, functionId, StringComparison.Ordinal));

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
    /// dropped alternatives, one is enough); its range is the estimator's for each such company (the report's time
    /// to recover), the slowest company setting it. Each replacement (a company's role) is described once, however
    /// many functions need it. The revenue paths that keep earning are those still earning in this scenario.
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

        var tracks = new List<(string CompanyId, string Role, List<string> Functions, TimeToRecover Time, string Key)>();
        var functions = new List<FunctionRecovery>();
        foreach (var function in model.Functions.Where(f => failing.Contains(f.Id)))
        {
            var companies = Cheapest(function, ids, scenarioFacts);
            var totals = companies.Select(company => RecoveryEstimator.Estimate(company, function, scenarioFacts)).ToList();
            var used = new List<string>();
            foreach (var (company, supplier) in companies.SelectMany(company => Tracks(company, function, scenarioFacts).Select(s => (company, s))))
            {
                var time = RecoveryEstimator.Estimate(supplier, function, scenarioFacts);
                var role = supplier.Via is { } via ? $"{supplier.Service} behind {via.CompanyId} {via.Service}" : supplier.Service;
                var key = $"{company}|{role}|{string.Join("|", time.Steps)}|{string.Join("|", time.Assumptions)}";
                var index = tracks.FindIndex(t => t.Key == key);
                if (index < 0)
                {
                    tracks.Add((company, role, [], time, key));
                    index = tracks.Count - 1;
                }

                tracks[index].Functions.Add(function.Id);
                used.Add($"r{index + 1}");
            }

            functions.Add(new FunctionRecovery(
                function.Id, companies, totals.Max(t => t.Low), totals.Max(t => t.High), totals.Any(t => t.OpenEnded), [.. used.Distinct(StringComparer.Ordinal)]));
        }

        return new WhatIfReport(result, functions, [.. tracks.Select((t, i) => new WhatIfRecovery($"r{i + 1}", t.CompanyId, t.Role, t.Functions, t.Time))]);
    }

    /// <summary>
    /// The replacements <paramref name="companyId"/>'s loss asks of <paramref name="function"/>: one per role, and one
    /// for everything behind one provider, as <see cref="RecoveryEstimator.Estimate(string, SiteFunction, RecoveryFacts)"/>
    /// counts them; a registrar that also runs the DNS is moved away by the DNS replacement, so it adds none.
    /// </summary>
    private static List<Supplier> Tracks(string companyId, SiteFunction function, RecoveryFacts facts)
    {
        var suppliers = function.Requirement.Suppliers()
            .Where(s => s.CompanyId == companyId)
            .DistinctBy(s => s.Via is { } via ? $"via|{via.CompanyId}|{via.Service}|{via.Layer}" : $"{s.Service}|{s.Layer}", StringComparer.Ordinal)
            .ToList();
        if (facts.RegistrarCompanyId == companyId && suppliers.Any(s => s is { Layer: Layer.Dns, Via: null }))
        {
            suppliers.RemoveAll(s => s is { Layer: Layer.Registration, Via: null, Service: "registrar" });
        }

        return suppliers;
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
}
