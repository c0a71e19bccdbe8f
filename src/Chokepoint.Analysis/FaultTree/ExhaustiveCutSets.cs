using Chokepoint.Analysis.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>
/// The minimal cut sets by their definition, tried one set of companies at a time: the reference that
/// <see cref="MinimalCutSets"/> is tested against (and compared with in bench/), not for use on real pages.
/// </summary>
/// <remarks>
/// The top event is "the function fails". Gates are monotone (AND/OR), so a set of companies whose removal makes
/// the function fail stays a cut when companies are added; the search therefore tries sets in increasing size and
/// skips every superset of a cut set already found, which leaves exactly the minimal ones. The cost is
/// C(n, k) evaluations of the whole tree for n companies and order k: cubic in n for pairs.
/// </remarks>
public static class ExhaustiveCutSets
{
    /// <summary>Minimal cut sets of order 1 to <paramref name="maxOrder"/>, ordered by order then ids.</summary>
    /// <param name="requirement">The top of the tree.</param>
    /// <param name="maxOrder">Largest cut set size to report (1 to <see cref="MinimalCutSets.MaxSupportedOrder"/>).</param>
    public static IReadOnlyList<CutSet> Compute(Requirement requirement, int maxOrder = 2)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrder, MinimalCutSets.MaxSupportedOrder);

        var companies = requirement.Suppliers()
            .Select(s => s.CompanyId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        var found = new List<CutSet>();
        for (var order = 1; order <= Math.Min(maxOrder, companies.Length); order++)
        {
            foreach (var combination in Combinations(companies, order))
            {
                if (found.Any(cut => cut.CompanyIds.All(combination.Contains)))
                {
                    continue;
                }

                if (FaultTreeEvaluator.FailsWithout(requirement, combination))
                {
                    found.Add(new CutSet(combination));
                }
            }
        }

        return found;
    }

    private static IEnumerable<string[]> Combinations(string[] items, int size)
    {
        var indices = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return indices.Select(i => items[i]).ToArray();

            var position = size - 1;
            while (position >= 0 && indices[position] == items.Length - size + position)
            {
                position--;
            }

            if (position < 0)
            {
                yield break;
            }

            indices[position]++;
            for (var next = position + 1; next < size; next++)
            {
                indices[next] = indices[next - 1] + 1;
            }
        }
    }
}
