using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Chokepoint.Naming;

/// <summary>
/// A validated, normalised DNS domain name (lowercase, no trailing dot, punycode for internationalised labels).
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-2.3.1">RFC 1035 §2.3.1 (preferred name syntax)</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1123#section-2.1">RFC 1123 §2.1 (labels may start with a digit)</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5891">RFC 5891 (IDNA protocol)</seealso>
public readonly record struct DomainName
{
    /// <summary>Longest name in presentation form without the trailing dot (RFC 1035: 255 octets on the wire).</summary>
    public const int MaxLength = 253;

    /// <summary>Longest label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private DomainName(string value) => Value = value;

    /// <summary>The normalised ASCII form, e.g. <c>xn--bcher-kva.example</c>.</summary>
    public string Value { get; }

    /// <summary>The labels, leftmost first.</summary>
    public IReadOnlyList<string> Labels => Value.Split('.');

    /// <summary>The name for display, with punycode labels decoded to Unicode when possible.</summary>
    public string Unicode
    {
        get
        {
            try
            {
                return new IdnMapping().GetUnicode(Value);
            }
            catch (ArgumentException)
            {
                return Value;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>
    /// Parses what a user typed: accepts uppercase, a trailing dot, internationalised names (converted to punycode)
    /// and a pasted URL (its host is taken). Rejects empty input, IP addresses, single labels, empty labels,
    /// over-long labels or names, characters outside letters, digits and hyphen, and labels that start or end
    /// with a hyphen.
    /// </summary>
    /// <param name="input">The text to parse.</param>
    /// <param name="name">The normalised name when the result is true.</param>
    /// <param name="error">Why the input is not a domain name, or an empty string on success.</param>
    public static bool TryParse(string input, out DomainName name, out string error)
    {
        name = default;
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            error = "the name is empty";
            return false;
        }

        if (!TryExtractHost(text, out var host, out error))
        {
            return false;
        }

        // Characters that change how a name is shown without changing what it is: a site name that holds one is
        // either a mistake or an attempt to make one name look like another.
        if (host.FirstOrDefault(IsInvisibleOrBidi) is var hidden and not '\0')
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the name holds an invisible or text-direction character (U+{(int)hidden:X4})");
            return false;
        }

        if (IsIpAddress(host))
        {
            error = $"'{host}' is an IP address; give a domain name such as example.com";
            return false;
        }

        var lowered = host.ToLowerInvariant();
        if (lowered.EndsWith('.'))
        {
            lowered = lowered[..^1];
        }

        if (lowered.Length == 0)
        {
            error = "the name is empty";
            return false;
        }

        var labels = lowered.Split('.');
        if (Array.Exists(labels, l => l.Length == 0))
        {
            error = "the name has an empty label (two dots in a row, or a leading dot)";
            return false;
        }

        var ascii = lowered;
        if (!HostName.IsAscii(lowered))
        {
            try
            {
                ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(lowered);
            }
            catch (ArgumentException)
            {
                error = "the name has characters that are not allowed in an internationalised domain name";
                return false;
            }
        }

        if (!ValidateAscii(ascii, out error))
        {
            return false;
        }

        name = new DomainName(ascii);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses a name, throwing <see cref="FormatException"/> with the reason when it is invalid.</summary>
    public static DomainName Parse(string input) =>
        TryParse(input, out var name, out var error) ? name : throw new FormatException($"'{input}' is not a domain name: {error}");

    private static bool ValidateAscii(string ascii, out string error)
    {
        if (ascii.Length > MaxLength)
        {
            error = $"the name is {ascii.Length} characters long; the limit is {MaxLength}";
            return false;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            error = $"'{ascii}' is a single label; give a full domain name such as {ascii}.com";
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length > MaxLabelLength)
            {
                error = $"the label '{label}' is {label.Length} characters long; the limit is {MaxLabelLength}";
                return false;
            }

            foreach (var c in label)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                {
                    error = $"the label '{label}' has the character '{c}'; only letters, digits and '-' are allowed";
                    return false;
                }
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                error = $"the label '{label}' starts or ends with '-'";
                return false;
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            error = $"the last label '{labels[^1]}' is all digits; top-level domains are not numeric";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryExtractHost(string text, out string host, out string error)
    {
        host = text;
        error = string.Empty;
        var looksLikeUrl = text.Contains("://", StringComparison.Ordinal)
            || text.IndexOfAny(['/', '?', '#', '@']) >= 0
            || (text.Contains(':', StringComparison.Ordinal) && !IsIpAddress(text));
        if (!looksLikeUrl)
        {
            return true;
        }

        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            error = $"'{text}' is neither a domain name nor a URL with a host";
            return false;
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            error = $"'{uri.Host}' is an IP address; give a domain name such as example.com";
            return false;
        }

        host = uri.Host;
        return true;
    }

    private static bool IsIpAddress(string text)
    {
        var trimmed = text.Trim('[', ']');
        return IPAddress.TryParse(trimmed, out var address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6 || trimmed.Count(c => c == '.') == 3);
    }

    /// <summary>Zero-width characters, bidirectional controls and marks, and the byte-order mark (Unicode TR9, UTS 39).</summary>
    private static bool IsInvisibleOrBidi(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u061C'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
