using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Zones;

/// <summary>Checks of master-file text that do not trust the writer: what each physical line is.</summary>
internal static class ZoneLines
{
    /// <summary>
    /// Every line of <paramref name="text"/> is a comment, one of the two directives the writer emits at the top, or
    /// part of a record the parser reads without error; returns the parse result.
    /// </summary>
    public static ZoneFileParseResult AssertWellFormed(string text, string origin, uint ttl)
    {
        var lines = text.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        var directives = lines.Where(l => l.TrimStart().StartsWith('$')).ToList();
        Assert.Equal([$"$ORIGIN {origin}", $"$TTL {ttl}"], directives);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\u2028', text);
        Assert.DoesNotContain('\u2029', text);
        Assert.DoesNotContain('\u0085', text);

        var parsed = ZoneFileParser.Parse(text);
        Assert.True(parsed.IsSuccess, string.Join("\n", parsed.Errors) + "\n" + text);
        Assert.Equal(origin, parsed.Origin);
        return parsed;
    }
}
