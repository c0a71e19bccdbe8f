namespace Chokepoint.Simulation.Generation;

/// <summary>
/// Allocation by quota rather than by dice: with <c>n</c> sites each choice gets exactly its largest-remainder
/// rounded count (Hamilton's method), and the resulting list is shuffled deterministically by a seed.
/// </summary>
public static class QuotaAllocation
{
    /// <summary>
    /// Each share's count out of <paramref name="n"/>: its floor, plus one for the largest remainders (ties to the
    /// earlier choice) until the counts sum to <paramref name="n"/>. Shares are normalised by their sum first.
    /// </summary>
    /// <param name="shares">Non-negative shares with a positive sum.</param>
    /// <param name="n">The number of sites to allocate.</param>
    /// <returns>One count per share, in the same order, summing to <paramref name="n"/>.</returns>
    public static int[] Counts(IReadOnlyList<double> shares, int n)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var total = shares.Sum();
        if (shares.Count == 0 || shares.Any(s => s < 0 || !double.IsFinite(s)) || !(total > 0))
        {
            throw new ArgumentException("shares must be finite, non-negative and not all zero", nameof(shares));
        }

        // Quotas in decimal keep shares such as 0.23525 exact (23,525 of 100,000 is 23,525, not 23,524.999...).
        var decimalTotal = shares.Sum(s => (decimal)s);
        var counts = new int[shares.Count];
        var remainders = new decimal[shares.Count];
        var allocated = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            var quota = (decimal)shares[i] / decimalTotal * n;
            counts[i] = (int)decimal.Floor(quota);
            remainders[i] = quota - counts[i];
            allocated += counts[i];
        }

        foreach (var i in Enumerable.Range(0, shares.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(n - allocated))
        {
            counts[i]++;
        }

        return counts;
    }

    /// <summary>
    /// A list of <paramref name="n"/> choice ids holding each id exactly its <see cref="Counts"/> times, in an order
    /// shuffled by <paramref name="random"/> (Fisher-Yates).
    /// </summary>
    /// <param name="table">The choices and their shares.</param>
    /// <param name="n">The number of sites.</param>
    /// <param name="random">The shuffle's source; the same seed gives the same order.</param>
    /// <returns>The choice of each site.</returns>
    public static string[] Allocate(IReadOnlyList<(string Id, double Share)> table, int n, Random random)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(random);
        var counts = Counts([.. table.Select(t => t.Share)], n);
        var result = new string[n];
        var next = 0;
        for (var i = 0; i < table.Count; i++)
        {
            for (var k = 0; k < counts[i]; k++)
            {
                result[next++] = table[i].Id;
            }
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }
}
