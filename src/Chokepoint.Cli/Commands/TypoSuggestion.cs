using System.CommandLine;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// "Did you mean 'audit'?": the nearest subcommand (for a word) or option (for a word starting with <c>-</c>) of the
/// command being parsed, by optimal string alignment distance (Levenshtein with adjacent transpositions, so
/// <c>aduit</c> is one edit from <c>audit</c>), or one the word begins.
/// </summary>
internal static class TypoSuggestion
{
    /// <summary>The closest name for <paramref name="token"/> under <paramref name="command"/>, or null when none is close.</summary>
    public static string? For(string token, Command command)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(command);
        var isOption = token.StartsWith('-');
        var candidates = isOption
            ? OptionsOf(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(name => name.StartsWith("--", StringComparison.Ordinal))
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        var word = token.TrimStart('-').Split('=', 2)[0].ToLowerInvariant();
        if (word.Length < 2)
        {
            return null;
        }

        var best = candidates.Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: name.TrimStart('-').StartsWith(word, StringComparison.Ordinal) ? 0 : Distance(word, name.TrimStart('-'))))
            .Where(c => c.Distance <= (word.Length >= 5 ? 2 : 1))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name;
    }

    /// <summary>The options that apply under <paramref name="command"/>: its own, and the recursive ones of its parents.</summary>
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        foreach (var option in command.Options.Where(o => !o.Hidden))
        {
            yield return option;
        }

        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in parent.Options.Where(o => o.Recursive && !o.Hidden))
            {
                yield return option;
            }
        }
    }

    /// <summary>The optimal string alignment distance between two words.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
