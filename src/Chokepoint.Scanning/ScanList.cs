using System.Globalization;
using System.Net;
using Chokepoint.Naming;

namespace Chokepoint.Scanning;

/// <summary>One site of a scan list: its line number, the text given and the registrable domain it reduces to.</summary>
/// <param name="Line">The line number in the list, from 1.</param>
/// <param name="Input">The entry as given (a domain, host or URL).</param>
/// <param name="Domain">The registrable domain the entry reduces to.</param>
public sealed record ScanEntry(int Line, string Input, string Domain);

/// <summary>A line of a scan list that was skipped, with why.</summary>
/// <param name="Line">The line number in the list, from 1.</param>
/// <param name="Text">The line's entry as given.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record ScanListProblem(int Line, string Text, string Reason);

/// <summary>
/// A list of sites to scan: one domain, host or URL per line, <c>#</c> comments and blank lines ignored; a ranked list
/// may give Tranco-style <c>rank,domain</c> lines. Bad lines are reported with their line number and skipped.
/// </summary>
public sealed class ScanList
{
    private ScanList(IReadOnlyList<ScanEntry> entries, IReadOnlyList<ScanListProblem> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    /// <summary>The sites to scan, in list order, each registrable domain once.</summary>
    public IReadOnlyList<ScanEntry> Entries { get; }

    /// <summary>The lines skipped, in list order.</summary>
    public IReadOnlyList<ScanListProblem> Problems { get; }

    /// <summary>
    /// Reads a list. <paramref name="registrableDomain"/> reduces a host name to its registrable domain and throws
    /// (any exception, whose message is the reason) for a name that is not a site, such as a public suffix.
    /// With <paramref name="top"/>, only the first that many entries (valid or not) are read.
    /// </summary>
    /// <exception cref="ScanException">The text holds a NUL byte: it is not a list at all.</exception>
    public static ScanList Parse(TextReader reader, Func<string, string> registrableDomain, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(registrableDomain);
        var entries = new List<ScanEntry>();
        var problems = new List<ScanListProblem>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        var taken = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            if (raw.Contains('\0', StringComparison.Ordinal))
            {
                // A binary file would give a warning for every line of garbage; it is one mistake, said once.
                throw new ScanException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber} holds a NUL byte: the list is not a text file of domains"));
            }

            var text = StripComment(raw).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (top is { } limit && taken >= limit)
            {
                break;
            }

            taken++;
            text = StripRank(text);
            if (Reduce(text, registrableDomain, out var domain) is { } reason)
            {
                problems.Add(new ScanListProblem(lineNumber, text, reason));
                continue;
            }

            if (firstLine.TryGetValue(domain, out var earlier))
            {
                problems.Add(new ScanListProblem(lineNumber, text, $"duplicate of line {earlier.ToString(CultureInfo.InvariantCulture)} ({domain})"));
                continue;
            }

            firstLine[domain] = lineNumber;
            entries.Add(new ScanEntry(lineNumber, text, domain));
        }

        return new ScanList(entries, problems);
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? line[..hash] : line;
    }

    /// <summary>A Tranco-style <c>rank,domain</c> line gives its domain; any other line is returned as it is.</summary>
    private static string StripRank(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && text[..comma].Trim().All(char.IsAsciiDigit))
        {
            return text[(comma + 1)..].Trim();
        }

        return text;
    }

    /// <summary>Null and the registrable domain, or why the entry is not a site.</summary>
    private static string? Reduce(string text, Func<string, string> registrableDomain, out string domain)
    {
        domain = "";
        var host = HostOf(text);
        if (host.Length == 0)
        {
            return "not a domain name: no host";
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return "an IP address, not a domain name";
        }

        if (!DomainName.TryParse(host, out var name, out var error))
        {
            return "not a domain name: " + error;
        }

#pragma warning disable CA1031 // the delegate's exception is the reason this line is skipped, whatever its kind
        try
        {
            domain = registrableDomain(name.Value);
            return null;
        }
        catch (Exception exception)
        {
            return exception.Message;
        }
#pragma warning restore CA1031
    }

    /// <summary>The host of a URL (<c>https://www.example.org/path</c>), or the text itself when it is not one.</summary>
    private static string HostOf(string text)
    {
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? text[(start + 3)..] : text;
        var end = rest.IndexOfAny(['/', '?', '#']);
        rest = end >= 0 ? rest[..end] : rest;
        var at = rest.LastIndexOf('@');
        rest = at >= 0 ? rest[(at + 1)..] : rest;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[..(close + 1)] : rest;
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && rest.IndexOf(':', colon + 1) < 0)
        {
            rest = rest[..colon];
        }

        return rest;
    }
}
