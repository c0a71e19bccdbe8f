using System.Diagnostics;
using System.Text;
using CsCheck;

namespace Chokepoint.Collection.Tests.Fuzzing;

/// <summary>
/// Generators of hostile inputs: a valid seed changed by a few random edits (cut, delete, insert a token, duplicate a
/// span, overwrite), so most inputs get past the first byte of a parser; and a bound on how long one call may take.
/// The edits are a list of numbers, so CsCheck shrinks a failing input towards fewer and smaller edits.
/// </summary>
internal static class Mutations
{
    /// <summary>Tokens that break JSON readers in interesting ways.</summary>
    public static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "0", "-1", "1.5", "1e999", "-0", "2147483648",
        "99999999999999999999999", "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "\\", "\n", " ", "//c\n", "/*", "\u00e9", "\u202e",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":", "\"https://\"", "\"http://[::1]/\"",
    ];

    /// <summary>
    /// How long one call of a parser may take on one fuzzed input (a few kilobytes) before the property fails: far
    /// above the milliseconds a call takes, so that a loaded machine (many test runs on 2 cores) does not fail it, and
    /// far below what a hang or a runaway loop takes.
    /// </summary>
    public static readonly TimeSpan MaxCallTime = TimeSpan.FromSeconds(20);

    /// <summary><paramref name="seed"/> with up to <paramref name="maxEdits"/> random edits, using <paramref name="tokens"/> for inserts.</summary>
    public static Gen<string> Of(string seed, string[] tokens, int maxEdits = 6) =>
        Gen.Int[0, int.MaxValue].Array[0, maxEdits * 3].Select(ops => Apply(seed, tokens, ops));

    /// <summary><paramref name="seed"/> with up to <paramref name="maxEdits"/> random byte edits.</summary>
    public static Gen<byte[]> Of(byte[] seed, int maxEdits = 4) =>
        Gen.Int[0, int.MaxValue].Array[0, maxEdits * 3].Select(ops => Apply(seed, ops));

    /// <summary>Runs <paramref name="call"/> and fails when it takes longer than <see cref="MaxCallTime"/>.</summary>
    public static T Timed<T>(Func<T> call)
    {
        var clock = Stopwatch.StartNew();
        var result = call();
        Assert.True(clock.Elapsed < MaxCallTime, $"took {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    public static string Apply(string seed, string[] tokens, int[] ops)
    {
        var text = new StringBuilder(seed);
        for (var i = 0; i + 2 < ops.Length; i += 3)
        {
            var at = ops[i + 1] % (text.Length + 1);
            var argument = ops[i + 2];
            switch (ops[i] % 5)
            {
                case 0:
                    text.Remove(at, Math.Min(text.Length - at, 1 + (argument % 16)));
                    break;
                case 1:
                    text.Insert(at, tokens[argument % tokens.Length]);
                    break;
                case 2:
                    var span = text.ToString(at, Math.Min(text.Length - at, 1 + (argument % 64)));
                    text.Insert(at, span);
                    break;
                case 3:
                    text.Length = at;
                    break;
                default:
                    if (at < text.Length)
                    {
                        text[at] = (char)(argument % 0x3000);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    public static byte[] Apply(byte[] seed, int[] ops)
    {
        var bytes = new List<byte>(seed);
        for (var i = 0; i + 2 < ops.Length; i += 3)
        {
            var at = ops[i + 1] % (bytes.Count + 1);
            var argument = ops[i + 2];
            switch (ops[i] % 5)
            {
                case 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + (argument % 8)));
                    break;
                case 1:
                    bytes.Insert(at, (byte)argument);
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + (argument % 32))));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    if (at < bytes.Count)
                    {
                        bytes[at] = (byte)argument;
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
