using System.Globalization;
using Chokepoint.Analysis.Model;
using Chokepoint.Model;

using System.Text.Json;
using Chokepoint.Analysis.FaultTree;

namespace Chokepoint.Analysis.Tests.FaultTree;

/// <summary>
/// The analysis as first written: the exhaustive cut set search and a scan of every function for every company.
/// The oracle that the fast <see cref="ChokepointAnalysis"/> must agree with.
/// </summary>
internal static class ReferenceAnalysis
{
    public static string Describe(SiteModel model) => Describe(Analyze(model));

    public static string Describe(AnalysisResult result) => JsonSerializer.Serialize(result);
    private static AnalysisResult Analyze(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        var perFunction = model.Functions.Select(f =>
        {
            var cuts = ExhaustiveCutSets.Compute(f.Requirement, 2);
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

        var chokepoints = new List<SinglePointOfFailure>();
        foreach (var (companyId, companyName) in names)
        {
            var broken = model.Functions
                .Where((f, index) => perFunction[index].SinglePoints.Any(c => c.Contains(companyId)))
                .OrderBy(f => f.Importance)
                .ToList();
            if (broken.Count == 0)
            {
                continue;
            }

            var avoidable = broken
                .Where(f => FaultTreeEvaluator.Fails(
                    f.Requirement,
                    s => s.CompanyId == companyId && s.Layer != Layer.Registration))
                .Select(f => f.Id)
                .ToList();
            var suppliers = broken
                .SelectMany(f => f.Requirement.Suppliers())
                .Where(s => s.CompanyId == companyId)
                .Distinct()
                .ToList();
            var ids = broken.Select(f => f.Id).ToList();
            chokepoints.Add(new SinglePointOfFailure(
                companyId,
                companyName,
                ids,
                ChokepointAnalysis.ToSeverity(broken[0].Importance),
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
                ChokepointAnalysis.ToSeverity(g.Min(x => x.Importance))))
            .OrderBy(p => p.Severity)
            .ThenByDescending(p => p.FunctionIds.Count)
            .ThenBy(p => p.Companies.ToString(), StringComparer.Ordinal)
            .ToList();

        var (grade, explanation) = GradeRule.Apply(chokepoints, pairs, importance);
        return new AnalysisResult(model.Domain, perFunction, chokepoints, pairs, grade, explanation, GradeRule.Text);
    }
}
