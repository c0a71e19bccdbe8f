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
    /// <summary>The marker line that opens the private section in <c>public_suffix_list.dat</c>.</summary>
    private const string PrivateMarker = "===BEGIN PRIVATE DOMAINS===";

    /// <summary>The marker line that opens the ICANN section in <c>public_suffix_list.dat</c>.</summary>
    private const string IcannMarker = "===BEGIN ICANN DOMAINS===";

    private readonly RuleSet _icann;
    private readonly RuleSet _private;

    private PublicSuffixList(RuleSet icann, RuleSet privateRules)
    {
        _icann = icann;
        _private = privateRules;
    }

    /// <summary>Number of rules loaded (normal, wildcard and exception), both sections.</summary>
    public int RuleCount => _icann.Count + _private.Count;

    /// <summary>Number of rules of the private section (suffixes one company runs for its customers).</summary>
    public int PrivateRuleCount => _private.Count;

    /// <summary>
    /// Parses the standard <c>public_suffix_list.dat</c> format: one rule per line, <c>//</c> comments, only the
    /// first whitespace-delimited token of a line counts; rules in Unicode are converted to punycode.
    /// </summary>
    public static PublicSuffixList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var icann = new List<string>();
        var privateRules = new List<string>();
        var marked = false;
        var inPrivate = false;
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                if (trimmed.Contains(PrivateMarker, StringComparison.Ordinal))
                {
                    (marked, inPrivate) = (true, true);
                }
                else if (trimmed.Contains(IcannMarker, StringComparison.Ordinal))
                {
                    (marked, inPrivate) = (true, false);
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                continue;
            }

            var end = trimmed.IndexOfAny([' ', '\t']);
            (inPrivate ? privateRules : icann).Add(end < 0 ? trimmed : trimmed[..end]);
        }

        return marked ? FromRules(icann, privateRules) : FromOrderedRules(icann);
    }

    /// <summary>
    /// Parses the rules array shipped by the npm package <c>psl</c> in <c>data/rules.js</c>:
    /// <c>export default [ "ac", "com.ac", "*.ck", "!www.ck", ... ]</c> (a JSON-compatible array of strings, possibly
    /// with trailing commas or comments; single-quoted strings are accepted too). The array keeps the order of the
    /// list's file but not its section markers, so the sections are told by order (<see cref="FromOrderedRules"/>).
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

        return FromOrderedRules(rules);
    }

    /// <summary>Builds a list from rule strings as they appear in the .dat file, all of them in the ICANN section.</summary>
    public static PublicSuffixList FromRules(IEnumerable<string> rules) => FromRules(rules, []);

    /// <summary>Builds a list from the rules of its two sections, as they appear in the .dat file.</summary>
    public static PublicSuffixList FromRules(IEnumerable<string> icannRules, IEnumerable<string> privateRules)
    {
        ArgumentNullException.ThrowIfNull(icannRules);
        ArgumentNullException.ThrowIfNull(privateRules);
        return new PublicSuffixList(RuleSet.From(icannRules), RuleSet.From(privateRules));
    }

    /// <summary>
    /// Builds a list from every rule in the order of the list's file when the section markers are lost (the
    /// <c>psl</c> package's array): the rules after the last single-label rule are the private section. The file
    /// puts the ICANN section first and ends it with the generic TLDs, one label each, and the private section holds
    /// no single-label rule (its suffixes sit under ICANN ones). Checked against the marked file: Debian's
    /// <c>publicsuffix</c> 20230209 puts its first private rule (<c>cc.ua</c>) right after its last single-label
    /// rule (<c>zuerich</c>); psl 1.15.0 ends the ICANN section at <c>zuerich</c> and starts the private one at
    /// <c>co.krd</c>. A list with no multi-label rule after its last single-label one has no private section.
    /// </summary>
    public static PublicSuffixList FromOrderedRules(IReadOnlyList<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var lastSingleLabel = -1;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i].Trim();
            if (rule.Length > 0 && !rule.StartsWith("//", StringComparison.Ordinal) && !rule.StartsWith('!')
                && !rule.StartsWith('*') && !rule.Contains('.', StringComparison.Ordinal))
            {
                lastSingleLabel = i;
            }
        }

        return FromRules(rules.Take(lastSingleLabel + 1), rules.Skip(lastSingleLabel + 1));
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

        return string.Join('.', labels[SuffixStart(labels, includePrivate: true).Start..]);
    }

    /// <summary>
    /// The registrable domain of a host: its public suffix plus one label (e.g. <c>example.co.uk</c>), or null when
    /// the host is itself a public suffix or empty.
    /// </summary>
    public string? GetRegistrableDomain(string host) => RegistrableDomain(host, includePrivate: true);

    /// <summary>
    /// The registrable domain of a host by the ICANN section alone: the domain registered at a registry, whatever
    /// suffix its owner runs below it (<c>amazonaws.com</c> for <c>b.s3.amazonaws.com</c>, whose registrable domain by
    /// the whole list is <c>b.s3.amazonaws.com</c>). Null when the host is an ICANN suffix or empty.
    /// </summary>
    public string? GetIcannRegistrableDomain(string host) => RegistrableDomain(host, includePrivate: false);

    /// <summary>
    /// The section of the rule that gives the host its public suffix: <see cref="PublicSuffixSection.Private"/> when a
    /// company's own suffix (<c>cloudfront.net</c>, <c>github.io</c>) prevails, <see cref="PublicSuffixSection.Icann"/>
    /// for a registry's, null when no rule matches (the implicit <c>*</c> rule) or the host is empty.
    /// </summary>
    public PublicSuffixSection? GetSection(string host)
    {
        var labels = Labels(host);
        return labels.Length == 0 ? null : SuffixStart(labels, includePrivate: true).Section;
    }

    /// <summary>True when the host is exactly a public suffix (e.g. <c>com</c>, <c>co.uk</c>).</summary>
    public bool IsPublicSuffix(string host)
    {
        var labels = Labels(host);
        return labels.Length > 0 && SuffixStart(labels, includePrivate: true).Start == 0;
    }

    private string? RegistrableDomain(string host, bool includePrivate)
    {
        var labels = Labels(host);
        if (labels.Length == 0)
        {
            return null;
        }

        var start = SuffixStart(labels, includePrivate).Start;
        return start == 0 ? null : string.Join('.', labels[(start - 1)..]);
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

    /// <summary>Index of the first label of the public suffix, and the section of the rule that gave it.</summary>
    private (int Start, PublicSuffixSection? Section) SuffixStart(string[] labels, bool includePrivate)
    {
        // Exception rules prevail over every other rule; the suffix is the exception minus its leftmost label.
        for (var i = 0; i < labels.Length; i++)
        {
            var candidate = Join(labels, i);
            if (_icann.Exceptions.Contains(candidate))
            {
                return (i + 1, PublicSuffixSection.Icann);
            }

            if (includePrivate && _private.Exceptions.Contains(candidate))
            {
                return (i + 1, PublicSuffixSection.Private);
            }
        }

        // Otherwise the longest matching rule prevails: scan from the longest candidate.
        for (var i = 0; i < labels.Length; i++)
        {
            if (_icann.Matches(labels, i))
            {
                return (i, PublicSuffixSection.Icann);
            }

            if (includePrivate && _private.Matches(labels, i))
            {
                return (i, PublicSuffixSection.Private);
            }
        }

        // The implicit "*" rule.
        return (labels.Length - 1, null);
    }

    private static string Join(string[] labels, int start) => string.Join('.', labels, start, labels.Length - start);

    /// <summary>The normal, wildcard and exception rules of one section.</summary>
    private sealed class RuleSet
    {
        public HashSet<string> Normal { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Wildcards { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Exceptions { get; } = new(StringComparer.Ordinal);

        public int Count => Normal.Count + Wildcards.Count + Exceptions.Count;

        public static RuleSet From(IEnumerable<string> rules)
        {
            var set = new RuleSet();
            foreach (var raw in rules)
            {
                var rule = raw.Trim();
                if (rule.Length == 0 || rule.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                if (rule.StartsWith('!'))
                {
                    set.Exceptions.Add(HostName.Normalize(rule[1..]));
                }
                else if (rule.StartsWith("*.", StringComparison.Ordinal))
                {
                    set.Wildcards.Add(HostName.Normalize(rule[2..]));
                }
                else
                {
                    set.Normal.Add(HostName.Normalize(rule));
                }
            }

            return set;
        }

        /// <summary>True when a rule of this set makes the labels from <paramref name="start"/> on a public suffix.</summary>
        public bool Matches(string[] labels, int start) =>
            Normal.Contains(Join(labels, start)) || (start + 1 < labels.Length && Wildcards.Contains(Join(labels, start + 1)));
    }

    [GeneratedRegex("\"(?<d>[^\"\\\\]*)\"|'(?<s>[^'\\\\]*)'")]
    private static partial Regex QuotedString();
}
