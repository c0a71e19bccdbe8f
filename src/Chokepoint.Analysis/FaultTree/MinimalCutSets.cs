using Chokepoint.Analysis.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>
/// Fault-tree analysis over companies: the minimal cut sets of a requirement, where cutting a company removes every
/// leaf it supplies (a company can appear in several branches, e.g. as CDN and as the CDN's DNS).
/// </summary>
/// <remarks>
/// <para>
/// The top event is "the function fails". Gates are monotone, so the cut sets are computed bottom-up, each gate from
/// its children's (MOCUS, truncated at the order asked for): a leaf is cut by its company; an AND gate
/// (<see cref="AllRequirement"/>) fails when any child fails, so its cut sets are its children's together; an OR gate
/// (<see cref="AnyRequirement"/>) fails only when every alternative fails, so its cut sets are unions of one cut set
/// of each alternative, and an alternative with no cut set of the order asked for means the gate has none either.
/// After each gate, supersets of other cut sets are dropped, which leaves exactly the minimal ones: a minimal cut
/// set of an OR gate contains a minimal cut set of each alternative, none larger than itself, so truncating at the
/// order asked for loses nothing.
/// </para>
/// <para>
/// A page's independent suppliers (an AND of thousands of script hosts) thus cost one step each: the single points
/// come out directly, and pairs are only formed where alternatives meet, instead of trying every pair of companies
/// against the whole tree (<see cref="ExhaustiveCutSets"/>, the definition this is tested against).
/// <see cref="OptionalRequirement"/> branches, and empty gates, never fail and so never appear in a cut set.
/// </para>
/// </remarks>
public static class MinimalCutSets
{
    /// <summary>Largest order accepted, to keep the search bounded.</summary>
    public const int MaxSupportedOrder = 4;

    /// <summary>Minimal cut sets of order 1 to <paramref name="maxOrder"/>, ordered by order then ids.</summary>
    /// <param name="requirement">The top of the tree.</param>
    /// <param name="maxOrder">Largest cut set size to report (1 to <see cref="MaxSupportedOrder"/>).</param>
    public static IReadOnlyList<CutSet> Compute(Requirement requirement, int maxOrder = 2)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrder, MaxSupportedOrder);

        var companies = requirement.Suppliers()
            .Select(s => s.CompanyId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var index = new Dictionary<string, int>(companies.Length, StringComparer.Ordinal);
        for (var i = 0; i < companies.Length; i++)
        {
            index[companies[i]] = i;
        }

        var cuts = Of(requirement, index, maxOrder);
        cuts.Sort();
        return cuts.Select(cut => new CutSet([.. cut.Members().Select(i => companies[i])])).ToList();
    }

    private static List<CompanySet> Of(Requirement requirement, Dictionary<string, int> index, int maxOrder)
    {
        switch (requirement)
        {
            case SupplierRequirement leaf:
                return [CompanySet.Of(index[leaf.Supplier.CompanyId])];
            case AllRequirement all:
                var any = new List<CompanySet>();
                foreach (var child in all.Children)
                {
                    any.AddRange(Of(child, index, maxOrder));
                }

                return Minimal(any);
            case AnyRequirement alternatives:
                return AllOf(alternatives.Children, index, maxOrder);
            case OptionalRequirement:
                return [];
            default:
                throw new ArgumentException($"Unknown requirement type {requirement.GetType().Name}.", nameof(requirement));
        }
    }

    /// <summary>Cut sets of an OR gate: one cut set of each alternative, joined, up to the order asked for.</summary>
    private static List<CompanySet> AllOf(IReadOnlyList<Requirement> alternatives, Dictionary<string, int> index, int maxOrder)
    {
        List<CompanySet>? joined = null;
        foreach (var alternative in alternatives)
        {
            var cuts = Of(alternative, index, maxOrder);
            if (joined is null)
            {
                joined = cuts;
            }
            else
            {
                var next = new List<CompanySet>();
                foreach (var left in joined)
                {
                    foreach (var right in cuts)
                    {
                        if (left.TryUnion(right, maxOrder, out var union))
                        {
                            next.Add(union);
                        }
                    }
                }

                joined = Minimal(next);
            }

            if (joined.Count == 0)
            {
                return joined;
            }
        }

        return joined ?? [];
    }

    /// <summary>Drops duplicates and every set that contains another one.</summary>
    private static List<CompanySet> Minimal(List<CompanySet> sets)
    {
        if (sets.Count < 2)
        {
            return sets;
        }

        sets.Sort();
        var kept = new HashSet<CompanySet>();
        var result = new List<CompanySet>();
        foreach (var set in sets)
        {
            // Sorted by size, so every subset of a set has been seen before it.
            if (!set.HasProperSubsetIn(kept) && kept.Add(set))
            {
                result.Add(set);
            }
        }

        return result;
    }

    /// <summary>Up to <see cref="MaxSupportedOrder"/> company indices, ascending; ordered by size, then by indices.</summary>
    private readonly record struct CompanySet(int Count, int A, int B, int C, int D) : IComparable<CompanySet>
    {
        public static CompanySet Of(int company) => new(1, company, -1, -1, -1);

        public int this[int position] => position switch
        {
            0 => A,
            1 => B,
            2 => C,
            _ => D,
        };

        public IEnumerable<int> Members()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        /// <summary>The union, when it has at most <paramref name="maxOrder"/> companies.</summary>
        public bool TryUnion(CompanySet other, int maxOrder, out CompanySet union)
        {
            Span<int> merged = stackalloc int[MaxSupportedOrder];
            int i = 0, j = 0, n = 0;
            while (i < Count || j < other.Count)
            {
                int next;
                if (j >= other.Count || (i < Count && this[i] < other[j]))
                {
                    next = this[i++];
                }
                else if (i >= Count || other[j] < this[i])
                {
                    next = other[j++];
                }
                else
                {
                    next = this[i++];
                    j++;
                }

                if (n == maxOrder)
                {
                    union = default;
                    return false;
                }

                merged[n++] = next;
            }

            union = From(merged[..n]);
            return true;
        }

        /// <summary>True when a proper, non-empty subset of this set is in <paramref name="sets"/>.</summary>
        public bool HasProperSubsetIn(HashSet<CompanySet> sets)
        {
            Span<int> subset = stackalloc int[MaxSupportedOrder];
            var all = (1 << Count) - 1;
            for (var mask = 1; mask < all; mask++)
            {
                var n = 0;
                for (var bit = 0; bit < Count; bit++)
                {
                    if ((mask & (1 << bit)) != 0)
                    {
                        subset[n++] = this[bit];
                    }
                }

                if (sets.Contains(From(subset[..n])))
                {
                    return true;
                }
            }

            return false;
        }

        public int CompareTo(CompanySet other)
        {
            if (Count != other.Count)
            {
                return Count.CompareTo(other.Count);
            }

            for (var i = 0; i < Count; i++)
            {
                if (this[i] != other[i])
                {
                    return this[i].CompareTo(other[i]);
                }
            }

            return 0;
        }

        private static CompanySet From(ReadOnlySpan<int> sorted) => new(
            sorted.Length,
            sorted[0],
            sorted.Length > 1 ? sorted[1] : -1,
            sorted.Length > 2 ? sorted[2] : -1,
            sorted.Length > 3 ? sorted[3] : -1);
    }
}
