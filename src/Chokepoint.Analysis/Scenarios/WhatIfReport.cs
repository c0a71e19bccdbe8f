using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Recovery;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>A what-if and, for every function that fails, how long it stays broken: what every view of a what-if shows.</summary>
/// <param name="Result">The outcome of each function.</param>
/// <param name="Recoveries">For each failing function (by id), the slowest recovery among the dropped companies.</param>
public sealed record WhatIfReport(WhatIfResult Result, IReadOnlyDictionary<string, TimeToRecover> Recoveries)
{
    /// <summary>
    /// Drops <paramref name="dropped"/> from <paramref name="model"/>, evaluates every function, and estimates each
    /// failing function's recovery as the slowest among the dropped companies.
    /// </summary>
    public static WhatIfReport Evaluate(SiteModel model, IReadOnlySet<string> dropped, RecoveryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dropped);
        var result = WhatIf.Evaluate(model, dropped);
        var recoveries = result.Functions
            .Where(function => function.Outcome == OutcomeKind.Fails)
            .ToDictionary(
                function => function.FunctionId,
                function => dropped
                    .Select(company => RecoveryEstimator.Estimate(company, model.Functions.Single(m => m.Id == function.FunctionId), facts))
                    .OrderByDescending(recovery => recovery.High)
                    .First(),
                StringComparer.Ordinal);
        return new WhatIfReport(result, recoveries);
    }
}
