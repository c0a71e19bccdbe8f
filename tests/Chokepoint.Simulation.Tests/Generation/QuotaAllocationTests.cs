using Chokepoint.Simulation.Generation;

namespace Chokepoint.Simulation.Tests.Generation;

public sealed class QuotaAllocationTests
{
    [Theory]
    [InlineData(100_000, new[] { 23_525, 11_652, 4_235, 60_588 })]
    [InlineData(2_000, new[] { 470, 233, 85, 1_212 })]
    [InlineData(1_000, new[] { 235, 117, 42, 606 })]
    [InlineData(7, new[] { 2, 1, 0, 4 })]
    [InlineData(1, new[] { 0, 0, 0, 1 })]
    [InlineData(0, new[] { 0, 0, 0, 0 })]
    public void Counts_are_the_largest_remainder_rounding_of_each_share(int n, int[] expected)
    {
        double[] shares = [0.23525, 0.11652, 0.04235, 0.60588];

        var counts = QuotaAllocation.Counts(shares, n);

        Assert.Equal(expected, counts);
        Assert.Equal(n, counts.Sum());
    }

    [Fact]
    public void Counts_are_within_one_of_each_quota_and_sum_to_n_for_many_sizes()
    {
        double[] shares = [0.1, 0.2, 0.3, 0.15, 0.25];
        for (var n = 0; n < 500; n += 7)
        {
            var counts = QuotaAllocation.Counts(shares, n);
            Assert.Equal(n, counts.Sum());
            for (var i = 0; i < shares.Length; i++)
            {
                Assert.InRange(counts[i] - (shares[i] * n), -1 + 1e-9, 1 - 1e-9);
            }
        }
    }

    [Fact]
    public void Shares_are_normalised_and_invalid_shares_are_refused()
    {
        Assert.Equal(new[] { 1, 3 }, QuotaAllocation.Counts([1, 3], 4));
        Assert.Throws<ArgumentException>(() => QuotaAllocation.Counts([0, 0], 4));
        Assert.Throws<ArgumentException>(() => QuotaAllocation.Counts([-0.1, 1.1], 4));
        Assert.Throws<ArgumentException>(() => QuotaAllocation.Counts([double.NaN], 4));
    }

    [Fact]
    public void Allocation_holds_exactly_the_counts_in_an_order_fixed_by_the_seed()
    {
        (string, double)[] table = [("a", 0.5), ("b", 0.3), ("c", 0.2)];

        var first = QuotaAllocation.Allocate(table, 1001, new Random(4));
        var again = QuotaAllocation.Allocate(table, 1001, new Random(4));
        var other = QuotaAllocation.Allocate(table, 1001, new Random(5));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(QuotaAllocation.Counts([0.5, 0.3, 0.2], 1001), new[] { first.Count(x => x == "a"), first.Count(x => x == "b"), first.Count(x => x == "c") });
        Assert.Equal(other.Order(StringComparer.Ordinal), first.Order(StringComparer.Ordinal));

        // Shuffled, not laid out in table order.
        Assert.NotEqual(first.Order(StringComparer.Ordinal), first);
    }
}
