using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chokepoint.Naming;

/// <summary>
/// The Public Suffix List: which names are suffixes under which the public can register names, so that the
/// registrable domain ("eTLD+1") of a host can be found. Implements the list's algorithm: normal rules,
/// wildcard rules (<c>*.ck</c>), exception rules (<c>!www.ck</c>), the longest matching rule prevails, exception
/// rules prevail over all others, and the implicit rule <c>*</c> applies when nothing matches.
/// </summary>
/// <seealso href="https://github.com/publicsuffix/list/wiki/Format">Public Suffix List format and algorithm</seealso>
public sealed partial class PublicSuffixList
{
    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcards;
    private readonly HashSet<string> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions)
    {
        _rules = rules;
        _wildcards = wildcards;
        _exceptions = exceptions;
    }

    /// <summary>Number of rules loaded (normal, wildcard and exception).</summary>
    public int RuleCount => _rules.Count + _wildcards.Count + _exceptions.Count;

    /// <summary>
    /// Parses the standard <c>public_suffix_list.dat</c> format: one rule per line, <c>//</c> comments, only the
    /// first whitespace-delimited token of a line counts; rules in Unicode are converted to punycode.
    /// </summary>
    public static PublicSuffixList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rules = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var end = trimmed.IndexOfAny([' ', '\t']);
            rules.Add(end < 0 ? trimmed : trimmed[..end]);
        }

        return FromRules(rules);
    }

    /// <summary>
    /// Parses the rules array shipped by the npm package <c>psl</c> in <c>data/rules.js</c>:
    /// <c>export default [ "ac", "com.ac", "*.ck", "!www.ck", ... ]</c> (a JSON-compatible array of strings, possibly
    /// with trailing commas or comments; single-quoted strings are accepted too).
    /// </summary>
    /// <exception cref="FormatException">The text holds no array of rule strings.</exception>
    public static PublicSuffixList ParseRulesArray(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf('[', StringComparison.Ordinal);
        var end = text.LastIndexOf(']');
        if (start < 0 || end < start)
        {
            throw new FormatException("the rules file holds no array of rules");
        }

        var array = text[start..(end + 1)];
        List<string> rules;
        try
        {
            using var document = JsonDocument.Parse(array, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            rules = [.. document.RootElement.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
        }
        catch (JsonException)
        {
            rules = [.. QuotedString().Matches(array).Select(m => m.Groups["d"].Success ? m.Groups["d"].Value : m.Groups["s"].Value)];
        }
        catch (InvalidOperationException)
        {
            throw new FormatException("the rules array holds something other than strings");
        }

        if (rules.Count == 0)
        {
            throw new FormatException("the rules array is empty");
        }

        return FromRules(rules);
    }

    /// <summary>Builds a list from rule strings as they appear in the .dat file.</summary>
    public static PublicSuffixList FromRules(IEnumerable<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var normal = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in rules)
        {
            var rule = raw.Trim();
            if (rule.Length == 0 || rule.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (rule.StartsWith('!'))
            {
                exceptions.Add(HostName.Normalize(rule[1..]));
            }
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                wildcards.Add(HostName.Normalize(rule[2..]));
            }
            else
            {
                normal.Add(HostName.Normalize(rule));
            }
        }

        return new PublicSuffixList(normal, wildcards, exceptions);
    }

    /// <summary>
    /// The public suffix of a host (e.g. <c>co.uk</c> for <c>www.example.co.uk</c>). The host is normalised first
    /// (lowercase, trailing dot removed, punycode). When no rule matches, the last label is the suffix.
    /// </summary>
    public string GetPublicSuffix(string host)
    {
        var labels = Labels(host);
        if (labels.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('.', labels[SuffixStart(labels)..]);
    }

    /// <summary>
    /// The registrable domain of a host: its public suffix plus one label (e.g. <c>example.co.uk</c>), or null when
    /// the host is itself a public suffix or empty.
    /// </summary>
    public string? GetRegistrableDomain(string host)
    {
        var labels = Labels(host);
        if (labels.Length == 0)
        {
            return null;
        }

        var start = SuffixStart(labels);
        return start == 0 ? null : string.Join('.', labels[(start - 1)..]);
    }

    /// <summary>True when the host is exactly a public suffix (e.g. <c>com</c>, <c>co.uk</c>).</summary>
    public bool IsPublicSuffix(string host)
    {
        var labels = Labels(host);
        return labels.Length > 0 && SuffixStart(labels) == 0;
    }

    private static string[] Labels(string host)
    {
        var normalized = HostName.Normalize(host);
        if (normalized.Length == 0)
        {
            return [];
        }

        var labels = normalized.Split('.');
        return Array.Exists(labels, l => l.Length == 0) ? [] : labels;
    }

    /// <summary>Index of the first label of the public suffix.</summary>
    private int SuffixStart(string[] labels)
    {
        // Exception rules prevail over every other rule; the suffix is the exception minus its leftmost label.
        for (var i = 0; i < labels.Length; i++)
        {
            if (_exceptions.Contains(Join(labels, i)))
            {
                return i + 1;
            }
        }

        // Otherwise the longest matching rule prevails: scan from the longest candidate.
        for (var i = 0; i < labels.Length; i++)
        {
            if (_rules.Contains(Join(labels, i)))
            {
                return i;
            }

            if (i + 1 < labels.Length && _wildcards.Contains(Join(labels, i + 1)))
            {
                return i;
            }
        }

        // The implicit "*" rule.
        return labels.Length - 1;
    }

    private static string Join(string[] labels, int start) => string.Join('.', labels, start, labels.Length - start);

    [GeneratedRegex("\"(?<d>[^\"\\\\]*)\"|'(?<s>[^'\\\\]*)'")]
    private static partial Regex QuotedString();
}
