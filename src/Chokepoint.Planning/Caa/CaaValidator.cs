namespace Chokepoint.Planning.Caa;

/// <summary>
/// Checks CAA records against RFC 8659: flags 0-255 (only Issuer Critical defined), tag of 1-15 ASCII letters and
/// digits, <c>issue</c>/<c>issuewild</c> value syntax (an optional issuer domain name, then optional
/// <c>; key=value</c> parameters), and <c>iodef</c> as a mailto:, http: or https: URL.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659#section-4">RFC 8659 section 4</seealso>
public static class CaaValidator
{
    private static readonly string[] KnownTags = ["issue", "issuewild", "iodef", "contactemail", "contactphone", "issuemail", "issuevmc"];

    /// <summary>Validates a CAA record set.</summary>
    public static CaaValidationResult Validate(IReadOnlyList<CaaRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var problems = new List<CaaProblem>();
        for (var i = 0; i < records.Count; i++)
        {
            Check(i, records[i], problems);
        }

        if (records.Count > 0 && !records.Any(r => Tag(r) is "issue" or "issuewild"))
        {
            problems.Add(new CaaProblem(-1, CaaProblemSeverity.Warning, "no issue or issuewild property: every CA may issue (RFC 8659 section 4.2)"));
        }

        return new CaaValidationResult(problems);
    }

    /// <summary>True when <paramref name="value"/> matches the issue-value grammar of RFC 8659 section 4.2.</summary>
    public static bool IsValidIssueValue(string value, out string? reason)
    {
        reason = null;
        var span = value.AsSpan().Trim(" \t");
        var semicolon = span.IndexOf(';');
        var domain = (semicolon < 0 ? span : span[..semicolon]).TrimEnd(" \t");
        if (domain.Length > 0 && !IsIssuerDomainName(domain))
        {
            reason = $"'{domain}' is not an issuer domain name (labels of letters, digits and inner hyphens)";
            return false;
        }

        if (semicolon < 0)
        {
            return true;
        }

        var rest = span[(semicolon + 1)..].Trim(" \t");
        if (rest.Length == 0)
        {
            return true;
        }

        foreach (var parameter in rest.ToString().Split(';'))
        {
            var trimmed = parameter.Trim(' ', '\t');
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                reason = $"parameter '{trimmed}' is not key=value";
                return false;
            }

            var key = trimmed[..equals].TrimEnd(' ', '\t');
            var val = trimmed[(equals + 1)..].TrimStart(' ', '\t');
            if (!IsLabel(key))
            {
                reason = $"parameter key '{key}' must be letters, digits and inner hyphens";
                return false;
            }

            if (val.Any(c => c is < (char)0x21 or > (char)0x7E or ';'))
            {
                reason = $"parameter value '{val}' may only hold visible ASCII other than ';'";
                return false;
            }
        }

        return true;
    }

    private static void Check(int index, CaaRecord record, List<CaaProblem> problems)
    {
        void Error(string message) => problems.Add(new CaaProblem(index, CaaProblemSeverity.Error, message));
        void Warn(string message) => problems.Add(new CaaProblem(index, CaaProblemSeverity.Warning, message));

        if (record.Flags is < 0 or > 255)
        {
            Error($"flags {record.Flags} outside 0-255 (one octet, RFC 8659 section 4.1)");
        }
        else if ((record.Flags & ~CaaRecord.IssuerCriticalFlag) != 0)
        {
            Warn($"flags {record.Flags} set reserved bits; only 128 (Issuer Critical) is defined (RFC 8659 section 4.1)");
        }

        if (record.Tag.Length is < 1 or > 15 || !record.Tag.All(char.IsAsciiLetterOrDigit))
        {
            Error($"tag '{record.Tag}' must be 1-15 ASCII letters and digits (RFC 8659 section 4.1)");
            return;
        }

        switch (Tag(record))
        {
            case "issue":
            case "issuewild":
                if (!IsValidIssueValue(record.Value, out var reason))
                {
                    Error($"{Tag(record)} value invalid: {reason} (RFC 8659 section 4.2)");
                }

                break;
            case "iodef":
                if (!IsIodefUrl(record.Value))
                {
                    Error($"iodef '{record.Value}' must be a mailto:, http: or https: URL (RFC 8659 section 4.4)");
                }

                break;
            default:
                if (record.IsCritical && !KnownTags.Contains(Tag(record)))
                {
                    Warn($"unknown tag '{record.Tag}' marked Issuer Critical: CAs that do not know it will refuse to issue (RFC 8659 section 4.1)");
                }

                break;
        }
    }

    private static bool IsIodefUrl(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme switch
        {
            "mailto" => uri.UserInfo.Length > 0 && uri.Host.Length > 0,
            "http" or "https" => uri.Host.Length > 0,
            _ => false,
        };
    }

    private static bool IsIssuerDomainName(ReadOnlySpan<char> domain)
    {
        foreach (var range in domain.Split('.'))
        {
            if (!IsLabel(domain[range].ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabel(string label) =>
        label.Length > 0
        && char.IsAsciiLetterOrDigit(label[0])
        && char.IsAsciiLetterOrDigit(label[^1])
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static string Tag(CaaRecord record) => record.Tag.ToLowerInvariant();
}
