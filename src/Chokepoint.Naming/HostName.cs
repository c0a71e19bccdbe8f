using System.Globalization;

namespace Chokepoint.Naming;

/// <summary>
/// Normalises host names for comparison: lowercase, no trailing dot, internationalised labels converted to
/// their ASCII (punycode) form.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5890">RFC 5890 (IDNA definitions)</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc3492">RFC 3492 (Punycode)</seealso>
public static class HostName
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = true, UseStd3AsciiRules = false };

    /// <summary>
    /// Normalises a host name. Never throws: a name that cannot be converted to ASCII is returned lowercased and
    /// without its trailing dot, so it simply matches nothing.
    /// </summary>
    public static string Normalize(string host)
    {
        TryNormalize(host, out var normalized);
        return normalized;
    }

    /// <summary>
    /// Normalises a host name; returns false (with a best-effort lowercase form) when an internationalised label
    /// cannot be converted to punycode.
    /// </summary>
    public static bool TryNormalize(string host, out string normalized)
    {
        var text = (host ?? string.Empty).Trim().ToLowerInvariant();
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        normalized = text;
        if (text.Length == 0 || IsAscii(text))
        {
            return true;
        }

        try
        {
            normalized = Idn.GetAscii(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The host of a URL, normalised (its punycode form, lowercase, no trailing dot).</summary>
    public static string Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Normalize(url.IdnHost);
    }

    /// <summary>True when two names are the same host, ignoring case, the trailing dot and the IDN form.</summary>
    public static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    /// <summary>True when every character is 7-bit ASCII.</summary>
    internal static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7f)
            {
                return false;
            }
        }

        return true;
    }
}
