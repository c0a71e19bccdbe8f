using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Chokepoint.Observations.Reading;

/// <summary>
/// What each kind of value in an observations file may be. A name is a DNS name (RFC 1035 section 2.3.4 lengths;
/// letters, digits, hyphens and the underscores real names hold, such as <c>_dmarc</c>; ASCII only, IDNs in
/// punycode), an address an IP address in its usual text form, text free of control characters.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4"/>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc2181#section-11"/>
internal static class ValueRules
{
    /// <summary>The longest name in presentation form without the trailing dot (RFC 1035: 255 octets on the wire).</summary>
    public const int MaxNameLength = 253;

    /// <summary>The longest label (RFC 1035 section 2.3.4).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Why <paramref name="name"/> is not a DNS name, or null when it is one.</summary>
    /// <param name="name">The name.</param>
    /// <param name="trailingDot">Whether it may end with the root's dot (values in DNS record sets).</param>
    /// <param name="wildcard">Whether the first label may be <c>*</c> (certificate names).</param>
    public static string? NameProblem(string name, bool trailingDot = false, bool wildcard = false)
    {
        var body = trailingDot && name.EndsWith('.') ? name[..^1] : name;
        if (body.Length == 0)
        {
            return "is not a DNS name (empty)";
        }

        if (body.Length > MaxNameLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is not a DNS name (longer than {MaxNameLength} characters)");
        }

        var labelStart = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] != '.')
            {
                var c = body[i];
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '*' && wildcard && labelStart == 0 && i == 0 && (body.Length == 1 || body[1] == '.'))))
                {
                    return char.IsControl(c) || char.IsWhiteSpace(c)
                        ? "is not a DNS name (it holds a control character or white space)"
                        : c > '\x7f'
                            ? "is not a DNS name (non-ASCII: internationalised names are written in punycode)"
                            : $"is not a DNS name (it holds '{c}')";
                }

                continue;
            }

            var length = i - labelStart;
            if (length == 0)
            {
                return "is not a DNS name (an empty label)";
            }

            if (length > MaxLabelLength)
            {
                return string.Create(CultureInfo.InvariantCulture, $"is not a DNS name (a label longer than {MaxLabelLength} characters)");
            }

            labelStart = i + 1;
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> is an IPv4 address in dotted-quad form or an IPv6 address (no zone).</summary>
    public static bool IsIpAddress(string text)
    {
        if (text.Length is 0 or > 45 || text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        // IPAddress.TryParse also takes "1", "1.2.3" and "0x7f.1": an observation holds only the usual forms.
        return address.AddressFamily == AddressFamily.InterNetwork
            ? string.Equals(address.ToString(), text, StringComparison.Ordinal)
            : text.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="text"/> holds no control character (a tab is allowed: header values hold it).</summary>
    public static bool IsText(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is an absolute URI: a scheme (RFC 3986 section 3.1) and a colon, then no
    /// control character. Only that: the URLs real pages and HAR captures hold (spaces, hosts with underscores) are
    /// not all what .NET's <see cref="Uri"/> takes.
    /// </summary>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc3986#section-3.1"/>
    public static bool IsAbsoluteUrl(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(text[0]) || colon == text.Length - 1)
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return IsText(text) && !text.Contains('\t', StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="text"/> is a key of lowercase letters, digits, dots and hyphens (<c>dns.ns.parent</c>, <c>ads.txt</c>).</summary>
    public static bool IsKey(string text) =>
        text.Length is > 0 and <= 100 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');

    /// <summary>
    /// Whether <paramref name="name"/> is an HTTP field name: a token of RFC 9110 section 5.1 (the collector writes them
    /// lowercased), or an HTTP/2 pseudo-header such as <c>:status</c> (RFC 9113 section 8.3), which browsers' HAR captures hold.
    /// </summary>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc9110#section-5.1"/>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc9113#section-8.3"/>
    public static bool IsFieldName(string name)
    {
        var token = name.StartsWith(':') ? name[1..] : name;
        return token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
    }
}
