using System.Globalization;

namespace Chokepoint.Testing;

/// <summary>
/// Iteration counts for property tests (CsCheck's <c>Sample(..., iter: Fuzz.Iterations(200))</c>), so the normal run
/// stays fast and a long run needs no code change. The environment variable <see cref="Variable"/> sets them:
/// unset or empty, each property runs its own default; <c>N</c> (a whole number) runs every property N times;
/// <c>xN</c> multiplies each property's default by N (<c>x50</c> for a long run that keeps the cheap/expensive
/// proportions). A malformed value fails the test that reads it, rather than silently running the defaults.
/// See docs/fuzzing.md.
/// </summary>
public static class Fuzz
{
    /// <summary>The environment variable that sets or multiplies every property's iteration count.</summary>
    public const string Variable = "CHOKEPOINT_FUZZ_ITERATIONS";

    /// <summary>The iteration count for a property whose normal-run count is <paramref name="normal"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="normal"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The environment variable is set to something other than N or xN.</exception>
    public static int Iterations(int normal) => Iterations(normal, Environment.GetEnvironmentVariable(Variable));

    /// <summary>The iteration count for <paramref name="normal"/> under the setting <paramref name="setting"/>
    /// (the environment variable's value; null or empty for none).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="normal"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="setting"/> is something other than N or xN.</exception>
    public static int Iterations(int normal, string? setting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(normal, 1);
        var text = setting?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return normal;
        }

        var multiply = text[0] is 'x' or 'X';
        var number = multiply ? text[1..] : text;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new InvalidOperationException(
                Variable + " must be a whole number N (run every property N times) or xN (multiply each default by N), not '" + setting + "'");
        }

        return multiply ? (int)Math.Min(int.MaxValue, (long)normal * value) : value;
    }
}
