using Chokepoint.Analysis.FaultTree;
using static Chokepoint.Analysis.Model.Requirement;
using static Chokepoint.Analysis.Tests.Sites;

namespace Chokepoint.Analysis.Tests.FaultTree;

public sealed class MinimalCutSetsTests
{
    private static string[] Keys(IEnumerable<CutSet> cuts) => cuts.Select(c => c.ToString()).ToArray();

    [Fact]
    public void Single_leaf_is_its_own_cut_set()
    {
        var cuts = MinimalCutSets.Compute(Needs(CloudflareDns));
        Assert.Equal(["cloudflare"], Keys(cuts));
    }

    [Fact]
    public void And_gate_gives_one_single_per_company()
    {
        var cuts = MinimalCutSets.Compute(All(Needs(CloudflareDns), Needs(AwsHosting), Needs(LetsEncrypt)));
        Assert.Equal(["amazon", "cloudflare", "isrg"], Keys(cuts));
        Assert.All(cuts, c => Assert.Equal(1, c.Order));
    }

    [Fact]
    public void Or_group_has_no_single_point_but_a_pair()
    {
        var cuts = MinimalCutSets.Compute(Any(Needs(CloudflareDns), Needs(Route53)));
        Assert.Equal(["amazon + cloudflare"], Keys(cuts));
    }

    [Fact]
    public void Two_suppliers_of_one_company_in_an_or_group_are_still_a_single_point()
    {
        // Cloudflare DNS or Cloudflare CDN-hosted fallback: both leaves belong to one company.
        var cuts = MinimalCutSets.Compute(Any(Needs(CloudflareDns), Needs(CloudflareCdn)));
        Assert.Equal(["cloudflare"], Keys(cuts));
    }

    [Fact]
    public void Nested_indirect_dependency_adds_the_cdn_dns_provider()
    {
        // Web served by Fastly (which itself relies on Dyn DNS) or directly by AWS.
        var requirement = Any(All(Needs(Fastly), Needs(Dyn)), Needs(AwsHosting));
        var cuts = MinimalCutSets.Compute(requirement);
        Assert.Equal(["amazon + fastly", "amazon + oracle"], Keys(cuts));
    }

    [Fact]
    public void Company_in_two_branches_of_an_or_is_a_single_point()
    {
        // Either Cloudflare DNS, or Route 53 behind a Cloudflare-run CDN: Cloudflare is in both branches.
        var requirement = Any(Needs(CloudflareDns), All(Needs(Route53), Needs(CloudflareCdn)));
        var cuts = MinimalCutSets.Compute(requirement);
        Assert.Equal(["cloudflare"], Keys(cuts));
    }

    [Fact]
    public void Pair_is_not_reported_when_it_contains_a_single_point()
    {
        var requirement = All(Needs(GoDaddyRegistrar), Any(Needs(CloudflareDns), Needs(Route53)));
        var cuts = MinimalCutSets.Compute(requirement);
        Assert.Equal(["godaddy", "amazon + cloudflare"], Keys(cuts));
    }

    [Fact]
    public void Optional_parts_never_appear_in_cut_sets()
    {
        var cuts = MinimalCutSets.Compute(All(Needs(AwsHosting), Optional(Needs(Jsdelivr))));
        Assert.Equal(["amazon"], Keys(cuts));
    }

    [Fact]
    public void Triple_redundancy_has_no_cut_set_up_to_order_two_but_one_at_three()
    {
        var requirement = Any(Needs(CloudflareDns), Needs(Route53), Needs(Dyn));
        Assert.Empty(MinimalCutSets.Compute(requirement, 2));
        Assert.Equal(["amazon + cloudflare + oracle"], Keys(MinimalCutSets.Compute(requirement, 3)));
    }

    [Fact]
    public void Empty_groups_need_nothing()
    {
        Assert.Empty(MinimalCutSets.Compute(Any()));
        Assert.Empty(MinimalCutSets.Compute(All()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(MinimalCutSets.MaxSupportedOrder + 1)]
    public void Order_out_of_range_is_rejected(int order)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimalCutSets.Compute(Needs(CloudflareDns), order));
    }

    [Fact]
    public void Cut_sets_compare_by_companies()
    {
        Assert.Equal(new CutSet(["b", "a"]), new CutSet(["a", "b", "a"]));
        Assert.NotEqual(new CutSet(["a"]), new CutSet(["a", "b"]));
    }
}
