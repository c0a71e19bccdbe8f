using System.Text;
using Chokepoint.Collection.Transport;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// Every DNS failure reason as one short line: no newlines or other control characters, no packet dump, at most
/// <see cref="MaxLength"/> characters. A hostile server chooses the bytes DnsClient quotes in its exceptions (a
/// compression-pointer loop's message carries the whole packet in base64 on a line of its own), and a reason ends
/// up in reports, logs and terminals.
/// </summary>
public static class DnsFailureText
{
    /// <summary>The longest reason kept; longer ones are cut and end in "...".</summary>
    public const int MaxLength = 200;

    /// <summary>The longest run of characters without a space kept whole: longer runs are data, not words, and are cut.</summary>
    private const int MaxWordLength = 128;

    /// <summary>What went wrong, from the messages of <paramref name="exception"/> and its inner exceptions, as one short line.</summary>
    public static string Describe(Exception exception) => OneLine(FailureText.Describe(exception));

    /// <summary>
    /// <paramref name="text"/> as one short line: each line of it kept unless it is a data dump (a bracketed block),
    /// lines joined with "; ", control and format characters replaced by spaces, runs of spaces collapsed, a run of
    /// more than 128 characters without a space cut, the whole cut to <see cref="MaxLength"/> characters.
    /// </summary>
    public static string OneLine(string text)
    {
        var lines = text
            .Split(['\r', '\n', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Clean)
            .Where(line => line.Length > 0 && !IsDump(line))
            .Select(line => string.Join(' ', line.Split(' ').Select(Shorten)).TrimEnd('.'))
            .ToList();
        var joined = lines.Count == 0 ? "unreadable" : string.Join("; ", lines);
        return joined.Length <= MaxLength ? joined : Cut(joined, MaxLength - 3).TrimEnd() + "...";
    }

    private static bool IsDump(string line) => line.StartsWith('[') && line.EndsWith(']') && line.Length > 16;

    private static string Shorten(string word) => word.Length <= MaxWordLength ? word : Cut(word, MaxWordLength) + "...";

    /// <summary>The first <paramref name="length"/> characters, one fewer when that would split a surrogate pair.</summary>
    private static string Cut(string text, int length) =>
        text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    /// <summary>Control, format, separator and unassigned characters become spaces; runs of spaces become one.</summary>
    private static string Clean(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var rune in line.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var blank = Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
                || category is System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.OtherNotAssigned
                    or System.Globalization.UnicodeCategory.PrivateUse
                    or System.Globalization.UnicodeCategory.Surrogate
                || rune == Rune.ReplacementChar;
            if (blank)
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Trim();
    }
}
