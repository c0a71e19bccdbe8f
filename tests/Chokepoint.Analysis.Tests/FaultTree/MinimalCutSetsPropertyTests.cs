using System.Diagnostics;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;
using Chokepoint.Model;
using Chokepoint.Testing;
using CsCheck;

namespace Chokepoint.Analysis.Tests.FaultTree;

public sealed class MinimalCutSetsPropertyTests
{
    private static readonly Layer[] Layers = [Layer.Registration, Layer.Dns, Layer.Cdn, Layer.Page];

    /// <summary>Leaves over few companies, so that companies repeat across branches as they do on real sites.</summary>
    private static readonly Gen<Requirement> Leaf =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, Layers.Length - 1], (company, layer) =>
            Requirement.Needs(new Supplier($"c{company}", $"Company {company}", "service", Layers[layer], $"d{company}")));

    private static readonly Gen<Requirement> Tree = Gen.Recursive<Requirement>((depth, self) =>
        depth >= 4
            ? Leaf
            : Gen.Frequency(
                (3, Leaf),
                (2, self.Array[0, 4].Select(children => Requirement.All(children))),
                (2, self.Array[0, 4].Select(children => Requirement.Any(children))),
                (1, self.Select(Requirement.Optional))));

    private static string Show(IEnumerable<CutSet> cuts) => string.Join(" | ", cuts.Select(c => c.ToString()));

    [Fact]
    public void Bottom_up_cut_sets_equal_the_exhaustive_search_on_random_trees()
    {
        Gen.Select(Tree, Gen.Int[1, 3]).Sample(
            (tree, order) => Assert.Equal(Show(ExhaustiveCutSets.Compute(tree, order)), Show(MinimalCutSets.Compute(tree, order))),
            iter: Fuzz.Iterations(2_000));
    }

    [Fact]
    public void Bottom_up_cut_sets_equal_the_exhaustive_search_at_the_largest_order()
    {
        Tree.Sample(
            tree => Assert.Equal(
                Show(ExhaustiveCutSets.Compute(tree, MinimalCutSets.MaxSupportedOrder)),
                Show(MinimalCutSets.Compute(tree, MinimalCutSets.MaxSupportedOrder))),
            iter: Fuzz.Iterations(500));
    }

    [Fact]
    public void Chokepoint_analysis_equals_its_definition_on_random_models()
    {
        var model = Gen.Select(Tree.Array[1, 4], Gen.Int[0, 3].Array[4], (trees, importance) => new SiteModel(
            "example.org",
            [.. trees.Select((tree, i) => new SiteFunction($"f{i}", $"Function {i}", FunctionKind.Reachability, (Importance)importance[i], tree))]));

        model.Sample(
            m => Assert.Equal(ReferenceAnalysis.Describe(m), ReferenceAnalysis.Describe(ChokepointAnalysis.Analyze(m))),
            iter: Fuzz.Iterations(1_000));
    }

    [Fact]
    public void Thousands_of_independent_script_hosts_are_analysed_in_well_under_a_second_each()
    {
        // 2,000 blocking script hosts, each its own company, half of them behind an alternative: the exhaustive
        // search tries every pair against the whole tree (tens of seconds); the bottom-up one is linear.
        var hosts = Enumerable.Range(0, 2_000)
            .Select(i => i % 2 == 0
                ? Requirement.Needs(new Supplier($"host-{i}", $"Host {i}", "script-cdn", Layer.Page, $"s{i}.example"))
                : Requirement.Any(
                    Requirement.Needs(new Supplier($"host-{i}", $"Host {i}", "script-cdn", Layer.Page, $"s{i}.example")),
                    Requirement.Needs(new Supplier($"mirror-{i}", $"Mirror {i}", "script-cdn", Layer.Page, $"m{i}.example"))))
            .ToArray();
        var model = new SiteModel("example.org", [new SiteFunction("page-scripts", "Scripts", FunctionKind.Content, Importance.Medium, Requirement.All(hosts))]);

        var clock = Stopwatch.StartNew();
        var result = ChokepointAnalysis.Analyze(model);
        clock.Stop();

        Assert.Equal(1_000, result.Chokepoints.Count);
        Assert.Equal(1_000, result.Pairs.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"analysis took {clock.Elapsed}");
    }
}
