using Chokepoint.Attribution.Audit;
using CsCheck;

namespace Chokepoint.Attribution.Tests.Audit;

/// <summary>
/// The grouping of unknown operators as a partition. Property tests run <see cref="Iterations"/> cases (200 by
/// default; set CHOKEPOINT_FUZZ_ITERATIONS for a long run).
/// </summary>
public sealed class OperatorGroupsTests
{
    private static int Iterations => Fuzz.Iterations(200);

    private static readonly string[] Rules = [OperatorGroups.BrandLabel, OperatorGroups.SameAddress, OperatorGroups.SameNetwork];

    private static readonly Gen<(string Domain, OperatorTrait[] Traits)[]> Candidates =
        Gen.Select(
            Gen.Int[0, 7].Select(i => $"op{i}.net"),
            Gen.Select(Gen.Int[0, 2].Select(i => Rules[i]), Gen.Int[0, 4])
                .Select((rule, value) => new OperatorTrait(rule, value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Array[0, 3])
        .Array[1, 10];

    [Fact]
    public void Every_domain_is_in_exactly_one_group_and_groups_are_joined_only_by_shared_traits() =>
        Candidates.Sample(candidates =>
        {
            var groups = OperatorGroups.Group(candidates.Select(c => (c.Domain, (IEnumerable<OperatorTrait>)c.Traits)));
            var domains = candidates.Select(c => c.Domain).Distinct(StringComparer.Ordinal).ToList();
            Assert.Equal(domains.Order(StringComparer.Ordinal), groups.Keys.Order(StringComparer.Ordinal));
            foreach (var (domain, group) in groups)
            {
                Assert.Contains(domain, group.Members);
                foreach (var member in group.Members)
                {
                    Assert.Same(group, groups[member]);
                }

                // A group of several is connected by the traits its reasons name, each held by two or more members.
                Assert.Equal(group.Members.Count > 1, group.Reasons.Count > 0);
                Assert.All(group.Reasons, reason => Assert.True(reason.Members.Count > 1));
            }

            // Two domains sharing a trait are always in one group.
            var traitsOf = candidates.GroupBy(c => c.Domain, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(c => c.Traits).ToHashSet(), StringComparer.Ordinal);
            foreach (var a in domains)
            {
                foreach (var b in domains.Where(b => traitsOf[a].Overlaps(traitsOf[b])))
                {
                    Assert.Same(groups[a], groups[b]);
                }
            }
        }, iter: Iterations);

    [Fact]
    public void Grouping_is_transitive_across_different_rules()
    {
        var groups = OperatorGroups.Group(
        [
            ("brand.net", [new OperatorTrait(OperatorGroups.BrandLabel, "brand")]),
            ("brand.co.uk", [new OperatorTrait(OperatorGroups.BrandLabel, "brand"), new OperatorTrait(OperatorGroups.SameAddress, "127.0.0.1")]),
            ("other.org", [new OperatorTrait(OperatorGroups.SameAddress, "127.0.0.1")]),
            ("alone.de", [new OperatorTrait(OperatorGroups.SameAddress, "127.0.0.2")]),
        ]);

        Assert.Equal(["brand.net", "brand.co.uk", "other.org"], groups["other.org"].Members);
        Assert.Equal("brand.net + brand.co.uk + other.org", groups["brand.net"].Label);
        Assert.Equal(["alone.de"], groups["alone.de"].Members);
        Assert.Empty(groups["alone.de"].Evidence);
    }

    [Theory]
    [InlineData("brand.co.uk", "brand")]
    [InlineData("BRAND.net.", "brand")]
    [InlineData("localhost", null)]
    public void The_brand_label_is_the_label_left_of_the_suffix(string domain, string? brand) =>
        Assert.Equal(brand, OperatorGroups.BrandOf(domain)?.Value);
}
