using System.Text.RegularExpressions;
using Chokepoint.Naming;

namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// A host pattern matched label by label against the rightmost labels of a host: <c>cloudflare.com</c> matches
/// <c>cloudflare.com</c> and <c>x.ns.cloudflare.com</c> but not <c>cloudflare.com.evil.example</c> nor
/// <c>evilcloudflare.com</c>. A <c>*</c> inside a label matches any run of <c>[a-z0-9-]</c> within that label only.
/// </summary>
internal sealed class HostPattern
{
    private readonly string[] _labels;
    private readonly Regex?[] _globs;

    private HostPattern(string[] labels, Regex?[] globs, int literalCharacters)
    {
        _labels = labels;
        _globs = globs;
        Specificity = (labels.Length * 1000) + literalCharacters;
    }

    /// <summary>More labels first, then more literal characters: the higher, the more specific.</summary>
    public int Specificity { get; }

    /// <summary>Parses a pattern; returns null with a reason when it is not a valid host pattern.</summary>
    public static HostPattern? TryParse(string pattern, out string error)
    {
        var normalized = HostName.Normalize(pattern);
        if (normalized.Length == 0)
        {
            error = "the pattern is empty";
            return null;
        }

        var labels = normalized.Split('.');
        var globs = new Regex?[labels.Length];
        var literal = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
            {
                error = $"the pattern '{pattern}' has an empty label";
                return null;
            }

            foreach (var c in label)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '*'))
                {
                    error = $"the pattern '{pattern}' has the character '{c}'";
                    return null;
                }
            }

            if (label.Contains('*', StringComparison.Ordinal))
            {
                var regex = "^" + string.Join("[a-z0-9-]*", label.Split('*').Select(Regex.Escape)) + "$";
                globs[i] = new Regex(regex, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
                literal += label.Count(c => c != '*');
            }
            else
            {
                literal += label.Length;
            }
        }

        error = string.Empty;
        return new HostPattern(labels, globs, literal);
    }

    /// <summary>True when the pattern matches the rightmost labels of the (already normalised) host's labels.</summary>
    public bool Matches(string[] hostLabels)
    {
        if (_labels.Length > hostLabels.Length)
        {
            return false;
        }

        var offset = hostLabels.Length - _labels.Length;
        for (var i = 0; i < _labels.Length; i++)
        {
            var host = hostLabels[offset + i];
            var matched = _globs[i] is { } glob ? glob.IsMatch(host) : string.Equals(_labels[i], host, StringComparison.Ordinal);
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }
}
