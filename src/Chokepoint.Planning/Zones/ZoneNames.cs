namespace Chokepoint.Planning.Zones;

/// <summary>
/// What the zone writer accepts as a domain name: labels of 1-63 letters, digits, hyphens and underscores (the
/// underscore for service names such as <c>_dmarc</c>), an optional leading <c>*</c> label, at most 253
/// characters. Anything else (a space, a newline, a quote, a <c>$</c>, a parenthesis, a semicolon, a non-ASCII
/// character) could change the meaning of a master file, so a name holding it is refused rather than escaped:
/// the names a plan needs are the site's own host names, which never hold them.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-2.3.1">RFC 1035 section 2.3.1, preferred name syntax</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 section 5.1, master-file format</seealso>
public static class ZoneNames
{
    /// <summary>The longest name in presentation form without the trailing dot (RFC 1035 section 2.3.4).</summary>
    public const int MaxLength = 253;

    /// <summary>The longest label (RFC 1035 section 2.3.4).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Null when <paramref name="name"/> (absolute or not) is a name the writer can emit, else why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }

        var body = name.EndsWith('.') ? name[..^1] : name;
        if (body.Length == 0)
        {
            return "the root is not a name the plan writes";
        }

        if (body.Length > MaxLength)
        {
            return $"the name is longer than {MaxLength} characters";
        }

        var labels = body.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
            {
                return "the name has an empty label";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"a label is longer than {MaxLabelLength} characters";
            }

            if (label == "*" && i == 0)
            {
                continue;
            }

            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return "the name holds a character other than letters, digits, '-', '_' and '.'";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> is a name the writer can emit.</summary>
    public static bool IsValid(string? name) => Problem(name) is null;
}
