using System.Globalization;
using Chokepoint.Observations.Page;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Parses ads.txt and app-ads.txt files (IAB Tech Lab ads.txt 1.1): records
/// <c>domain, account, DIRECT|RESELLER[, certification authority id]</c>, variables <c>NAME=value</c>,
/// <c>#</c> comments and blank lines. Malformed lines are reported with their line number and never stop parsing;
/// very large files are read up to a limit and say where they were cut.
/// </summary>
/// <seealso href="https://iabtechlab.com/wp-content/uploads/2022/04/Ads.txt-1.1.pdf"/>
public static class AdsTxtParser
{
    /// <summary>Lines read before a file is cut.</summary>
    public const int DefaultMaxLines = 100_000;

    /// <summary>Characters read before a file is cut (about 4 MB of ASCII).</summary>
    public const int DefaultMaxChars = 4_000_000;

    /// <summary>Malformed lines listed individually; the rest are only counted.</summary>
    public const int DefaultMaxErrors = 200;

    private const int MaxQuotedLength = 200;

    /// <summary>Parses the text of one file.</summary>
    /// <param name="text">The file's text (a leading byte-order mark, CRLF or CR line ends are accepted).</param>
    /// <param name="fileName">"ads.txt" or "app-ads.txt"; recorded on every entry and error.</param>
    /// <param name="maxLines">Lines read before the file is cut.</param>
    /// <param name="maxChars">Characters read before the file is cut.</param>
    /// <param name="maxErrors">Malformed lines listed individually.</param>
    public static AdsTxtParseResult Parse(
        string text,
        string fileName = "ads.txt",
        int maxLines = DefaultMaxLines,
        int maxChars = DefaultMaxChars,
        int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<AdsTxtEntry>();
        var variables = new List<AdsTxtVariable>();
        var errors = new List<AdsTxtLineError>();
        var errorsNotListed = 0;
        string? truncated = null;

        var span = text.AsSpan();
        if (span.Length > 0 && span[0] == '\uFEFF')
        {
            span = span[1..];
        }

        var position = 0;
        var lineNumber = 0;
        while (position < span.Length)
        {
            if (lineNumber >= maxLines)
            {
                truncated = $"cut after {maxLines.ToString("N0", CultureInfo.InvariantCulture)} lines; the rest of the file ({FormatChars(span.Length - position)}) was not read";
                break;
            }

            if (position >= maxChars)
            {
                truncated = $"cut after {FormatChars(maxChars)} at line {lineNumber.ToString("N0", CultureInfo.InvariantCulture)}; the rest of the file ({FormatChars(span.Length - position)}) was not read";
                break;
            }

            var rest = span[position..];
            var end = rest.IndexOfAny('\n', '\r');
            var line = end < 0 ? rest : rest[..end];
            position += end < 0 ? rest.Length : end + 1;
            if (end >= 0 && rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n')
            {
                position++;
            }

            lineNumber++;
            var error = ParseLine(line, fileName, entries, variables);
            if (error is not null)
            {
                if (errors.Count < maxErrors)
                {
                    errors.Add(new AdsTxtLineError(fileName, lineNumber, error, Quote(line)));
                }
                else
                {
                    errorsNotListed++;
                }
            }
        }

        return new AdsTxtParseResult
        {
            File = fileName,
            Entries = entries,
            Variables = variables,
            Errors = errors,
            ErrorsNotListed = errorsNotListed,
            LinesRead = lineNumber,
            Truncated = truncated,
        };
    }

    /// <summary>Reads one line into <paramref name="entries"/> or <paramref name="variables"/>; returns why it is malformed, or null.</summary>
    private static string? ParseLine(ReadOnlySpan<char> line, string fileName, List<AdsTxtEntry> entries, List<AdsTxtVariable> variables)
    {
        var hash = line.IndexOf('#');
        if (hash >= 0)
        {
            line = line[..hash];
        }

        line = line.Trim();
        if (line.IsEmpty)
        {
            return null;
        }

        var equals = line.IndexOf('=');
        var comma = line.IndexOf(',');
        if (equals > 0 && (comma < 0 || equals < comma))
        {
            return ParseVariable(line, equals, fileName, variables);
        }

        // Extension fields follow a semicolon after the fourth field (section 3.4.2); they carry nothing we use.
        var semicolon = line.IndexOf(';');
        if (semicolon >= 0)
        {
            line = line[..semicolon];
        }

        var fields = new List<string>(4);
        foreach (var range in line.Split(','))
        {
            fields.Add(line[range].Trim().ToString());
        }

        // A trailing comma ("..., DIRECT,") is common and harmless.
        while (fields.Count > 3 && fields[^1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        if (fields.Count is < 3 or > 4)
        {
            return $"expected 3 or 4 comma-separated fields, found {fields.Count}";
        }

        var domain = HostName.Normalize(fields[0]);
        if (!LooksLikeDomain(domain))
        {
            return $"'{Shorten(fields[0])}' is not an advertising system domain";
        }

        if (fields[1].Length == 0)
        {
            return "the account id is empty";
        }

        string relationship;
        if (fields[2].Equals("DIRECT", StringComparison.OrdinalIgnoreCase))
        {
            relationship = "DIRECT";
        }
        else if (fields[2].Equals("RESELLER", StringComparison.OrdinalIgnoreCase))
        {
            relationship = "RESELLER";
        }
        else
        {
            return $"expected DIRECT or RESELLER, found '{Shorten(fields[2])}'";
        }

        entries.Add(new AdsTxtEntry
        {
            AdSystem = domain,
            AccountId = fields[1],
            Relationship = relationship,
            CertificationAuthorityId = fields.Count == 4 && fields[3].Length > 0 ? fields[3] : null,
            File = fileName,
        });
        return null;
    }

    private static string? ParseVariable(ReadOnlySpan<char> line, int equals, string fileName, List<AdsTxtVariable> variables)
    {
        var name = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return $"'{Shorten(name.ToString())}' is not a variable name";
            }
        }

        if (value.IsEmpty)
        {
            return $"variable {name.ToString().ToUpperInvariant()} has no value";
        }

        variables.Add(new AdsTxtVariable { Name = name.ToString().ToUpperInvariant(), Value = value.ToString(), File = fileName });
        return null;
    }

    /// <summary>A loose check: at least two labels of letters, digits and hyphens, no spaces.</summary>
    private static bool LooksLikeDomain(string domain)
    {
        if (domain.Length is 0 or > 253 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.'))
        {
            return false;
        }

        foreach (var c in domain)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.' && c != '_' && c <= 127)
            {
                return false;
            }
        }

        return !domain.Contains("..", StringComparison.Ordinal);
    }

    private static string Quote(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > MaxQuotedLength ? string.Concat(trimmed[..MaxQuotedLength], "...") : trimmed.ToString();
    }

    private static string Shorten(string value) => value.Length > 60 ? string.Concat(value.AsSpan(0, 60), "...") : value;

    private static string FormatChars(int chars) => ByteSize.Format(chars);
}
