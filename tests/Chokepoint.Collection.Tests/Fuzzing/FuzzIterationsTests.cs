namespace Chokepoint.Collection.Tests.Fuzzing;

/// <summary>The iteration counts every property reads from CHOKEPOINT_FUZZ_ITERATIONS (tests/Chokepoint.Testing/Fuzz.cs).</summary>
public sealed class FuzzIterationsTests
{
    [Theory]
    [InlineData(null, 200, 200)]
    [InlineData("", 200, 200)]
    [InlineData("  ", 200, 200)]
    [InlineData("5000", 200, 5000)]
    [InlineData("x50", 200, 10_000)]
    [InlineData("X2", 7, 14)]
    [InlineData("x2147483647", 200, int.MaxValue)]
    public void The_setting_sets_or_multiplies_the_default(string? setting, int normal, int expected) =>
        Assert.Equal(expected, Fuzz.Iterations(normal, setting));

    [Theory]
    [InlineData("lots")]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("x0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void A_malformed_setting_fails_instead_of_running_the_defaults(string setting)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Fuzz.Iterations(100, setting));
        Assert.Contains(Fuzz.Variable, refused.Message, StringComparison.Ordinal);
    }
}
