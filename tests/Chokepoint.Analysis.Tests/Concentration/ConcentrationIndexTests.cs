using Chokepoint.Analysis.Concentration;

namespace Chokepoint.Analysis.Tests.Concentration;

public sealed class ConcentrationIndexTests
{
    [Fact]
    public void Hhi_and_top_share_are_the_textbook_values()
    {
        var counts = new Dictionary<string, int> { ["a"] = 5, ["b"] = 3, ["c"] = 1, ["d"] = 1 };

        // Shares 0.5, 0.3, 0.1, 0.1: HHI 0.25 + 0.09 + 0.01 + 0.01, CR3 0.9.
        Assert.Equal(0.36, ConcentrationIndex.Hhi(counts), 10);
        Assert.Equal(0.9, ConcentrationIndex.TopShare(counts, 3), 10);
        Assert.Equal(1.0, ConcentrationIndex.TopShare(counts, 10), 10);
        Assert.Equal(0, ConcentrationIndex.Hhi(new Dictionary<string, int>()));
        Assert.Equal(0, ConcentrationIndex.TopShare(new Dictionary<string, int>(), 3));
    }

    [Fact]
    public void Counts_whose_sum_passes_the_32_bit_range_do_not_overflow()
    {
        var counts = new Dictionary<string, int> { ["a"] = int.MaxValue, ["b"] = int.MaxValue };

        Assert.Equal(0.5, ConcentrationIndex.Hhi(counts), 10);
        Assert.Equal(1.0, ConcentrationIndex.TopShare(counts, 2), 10);
        Assert.Equal(0.5, new HeadlineMeasure("x", "x", [], int.MaxValue, int.MaxValue, 0).Share, 10);
    }
}
