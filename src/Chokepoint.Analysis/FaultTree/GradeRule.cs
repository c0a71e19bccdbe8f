using System.Globalization;
using System.Text;
using Chokepoint.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>
/// The exposure grade rule. Each company able to end a critical function alone is an independent decision
/// (policy, outage, legal order) that takes the site down, so the grade counts those companies; below that it
/// looks at high-importance single points, then at pairs.
/// </summary>
public static class GradeRule
{
    /// <summary>The rule as text, returned with every result.</summary>
    public const string Text =
        "Count the companies that can alone break a critical function (registry and registrar roles excluded: a " +
        "domain has exactly one of each, so they are reported but not graded). " +
        "F: three or more such companies. E: two. D: one. " +
        "C: none, but some company can alone break a high-importance function. " +
        "B: no company alone breaks a critical or high function, but a pair of companies can break a critical one. " +
        "A: no company alone breaks a critical or high function and no pair breaks a critical one " +
        "(medium and low single points are listed but do not lower the grade).";

    /// <summary>Grades chokepoints and pairs and explains the grade.</summary>
    public static (ExposureGrade Grade, string Explanation) Apply(
        IReadOnlyList<SinglePointOfFailure> chokepoints,
        IReadOnlyList<CompanyPair> pairs,
        IReadOnlyDictionary<string, Importance> importanceByFunction)
    {
        int CountAt(SinglePointOfFailure c, Importance level) =>
            c.AvoidableFunctionIds.Count(f => importanceByFunction[f] == level);

        var critical = chokepoints.Where(c => CountAt(c, Importance.Critical) > 0)
            .OrderByDescending(c => CountAt(c, Importance.Critical))
            .ThenBy(c => c.CompanyId, StringComparer.Ordinal)
            .ToList();
        var high = chokepoints.Where(c => CountAt(c, Importance.High) > 0).ToList();

        ExposureGrade grade;
        string text;
        if (critical.Count > 0)
        {
            grade = critical.Count switch
            {
                1 => ExposureGrade.D,
                2 => ExposureGrade.E,
                _ => ExposureGrade.F,
            };
            text = critical.Count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"one company ({critical[0].CompanyId}) can alone break {Describe(critical[0], Importance.Critical, importanceByFunction)}")
                : string.Create(CultureInfo.InvariantCulture, $"{critical.Count} companies can each alone break critical functions: ") +
                  string.Join("; ", critical.Select(c => $"{c.CompanyId} ({Describe(c, Importance.Critical, importanceByFunction)})"));
        }
        else if (high.Count > 0)
        {
            grade = ExposureGrade.C;
            text = "no company can alone break a critical function, but " +
                   string.Join("; ", high.Select(c => $"{c.CompanyId} can alone break {Describe(c, Importance.High, importanceByFunction)}"));
        }
        else
        {
            var criticalPairs = pairs.Where(p => p.Severity == Severity.Critical).ToList();
            if (criticalPairs.Count > 0)
            {
                grade = ExposureGrade.B;
                text = string.Create(CultureInfo.InvariantCulture, $"no company alone breaks a critical or high function, but {criticalPairs.Count} pair(s) can break a critical one: ") +
                       string.Join("; ", criticalPairs.Select(p => $"{p.Companies} ({string.Join(", ", p.FunctionIds)})"));
            }
            else
            {
                grade = ExposureGrade.A;
                text = "no company alone breaks a critical or high function and no pair breaks a critical one";
            }
        }

        var builder = new StringBuilder().Append(grade).Append(": ").Append(text).Append('.');
        var inherent = chokepoints.Where(c => c.FunctionIds.Count > c.AvoidableFunctionIds.Count).ToList();
        if (inherent.Count > 0)
        {
            builder.Append(" Not graded, single by construction: ")
                .Append(string.Join("; ", inherent.Select(c =>
                    $"{c.CompanyId} as {string.Join("/", c.Suppliers.Where(s => s.Layer == Layer.Registration).Select(s => s.Service).Distinct(StringComparer.Ordinal))} " +
                    $"({string.Join(", ", c.FunctionIds.Except(c.AvoidableFunctionIds, StringComparer.Ordinal))})")))
                .Append('.');
        }

        return (grade, builder.ToString());
    }

    private static string Describe(SinglePointOfFailure chokepoint, Importance level, IReadOnlyDictionary<string, Importance> importanceByFunction)
    {
        var ids = chokepoint.AvoidableFunctionIds.Where(f => importanceByFunction[f] == level).ToList();
        var word = level.ToString().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{ids.Count} {word} function{(ids.Count == 1 ? string.Empty : "s")} ({string.Join(", ", ids)})");
    }
}
