using System.Globalization;
using Chokepoint.Analysis.Model;
using Chokepoint.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>
/// Runs the fault-tree analysis on every function of a site and rolls the cut sets up per company: who can alone
/// break what (chokepoints), which pairs can, how severe each is, and the overall <see cref="ExposureGrade"/>.
/// </summary>
public static class ChokepointAnalysis
{
    /// <summary>Analyses a site model.</summary>
    public static AnalysisResult Analyze(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        var perFunction = model.Functions.Select(f =>
        {
            var cuts = MinimalCutSets.Compute(f.Requirement, 2);
            return new FunctionCutSets(
                f.Id,
                f.Name,
                f.Importance,
                cuts.Where(c => c.Order == 1).ToList(),
                cuts.Where(c => c.Order == 2).ToList());
        }).ToList();

        var importance = model.Functions
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(f => f.Importance), StringComparer.Ordinal);
        var names = model.Companies();

        // Which functions each company alone breaks, and each function's suppliers by company, gathered once: a
        // page with thousands of independent hosts must not rescan every function for every company.
        var brokenBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var index = 0; index < perFunction.Count; index++)
        {
            foreach (var single in perFunction[index].SinglePoints)
            {
                var companyId = single.CompanyIds[0];
                if (!brokenBy.TryGetValue(companyId, out var list))
                {
                    brokenBy[companyId] = list = [];
                }

                list.Add(index);
            }
        }

        var suppliersOf = model.Functions
            .Select(f => f.Requirement.Suppliers().ToLookup(s => s.CompanyId, StringComparer.Ordinal))
            .ToList();

        var chokepoints = new List<SinglePointOfFailure>();
        foreach (var (companyId, companyName) in names)
        {
            if (!brokenBy.TryGetValue(companyId, out var indices))
            {
                continue;
            }

            var broken = indices
                .Select(index => (Function: model.Functions[index], Index: index))
                .OrderBy(f => f.Function.Importance)
                .ToList();

            // A company that alone breaks a function still breaks it without its registry or registrar role unless
            // that role is part of the function; only then is the tree evaluated again.
            var avoidable = broken
                .Where(f => !suppliersOf[f.Index][companyId].Any(s => s.Layer == Layer.Registration)
                    || FaultTreeEvaluator.Fails(
                        f.Function.Requirement,
                        s => s.CompanyId == companyId && s.Layer != Layer.Registration))
                .Select(f => f.Function.Id)
                .ToList();
            var suppliers = broken
                .SelectMany(f => suppliersOf[f.Index][companyId])
                .Distinct()
                .ToList();
            var ids = broken.Select(f => f.Function.Id).ToList();
            chokepoints.Add(new SinglePointOfFailure(
                companyId,
                companyName,
                ids,
                ToSeverity(broken[0].Function.Importance),
                suppliers,
                avoidable,
                string.Create(CultureInfo.InvariantCulture, $"{companyId} alone can break {ids.Count} function{(ids.Count == 1 ? string.Empty : "s")}: {string.Join(", ", ids)}")));
        }

        chokepoints = chokepoints
            .OrderBy(c => c.Severity)
            .ThenByDescending(c => c.FunctionIds.Count)
            .ThenBy(c => c.CompanyId, StringComparer.Ordinal)
            .ToList();

        var pairs = perFunction
            .SelectMany(p => p.Pairs.Select(cut => (cut, p.FunctionId, p.Importance)))
            .GroupBy(x => x.cut)
            .Select(g => new CompanyPair(
                g.Key,
                g.OrderBy(x => x.Importance).Select(x => x.FunctionId).Distinct(StringComparer.Ordinal).ToList(),
                ToSeverity(g.Min(x => x.Importance))))
            .OrderBy(p => p.Severity)
            .ThenByDescending(p => p.FunctionIds.Count)
            .ThenBy(p => p.Companies.ToString(), StringComparer.Ordinal)
            .ToList();

        var (grade, explanation) = GradeRule.Apply(chokepoints, pairs, importance);
        return new AnalysisResult(model.Domain, perFunction, chokepoints, pairs, grade, explanation, GradeRule.Text);
    }

    /// <summary>Maps a function's importance to the severity of a chokepoint that breaks it.</summary>
    public static Severity ToSeverity(Importance importance) => importance switch
    {
        Importance.Critical => Severity.Critical,
        Importance.High => Severity.High,
        Importance.Medium => Severity.Medium,
        _ => Severity.Low,
    };
}
