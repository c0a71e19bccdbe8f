using Chokepoint.Naming;

namespace Chokepoint.Collection.Dns;

/// <summary>Reads the domains an SPF record delegates to (include: and redirect=).</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7208">RFC 7208: Sender Policy Framework</seealso>
public static class SpfRecord
{
    /// <summary>True for the text of an SPF record ("v=spf1" followed by a space or the end).</summary>
    public static bool IsSpf(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Equals("v=spf1", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("v=spf1 ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The include: and redirect= domains in order, lowercased, without duplicates; macros are kept as written.</summary>
    public static List<string> Includes(string record)
    {
        var domains = new List<string>();
        foreach (var term in record.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var mechanism = term.TrimStart('+', '-', '~', '?');
            string? domain = null;
            if (mechanism.StartsWith("include:", StringComparison.OrdinalIgnoreCase))
            {
                domain = mechanism["include:".Length..];
            }
            else if (mechanism.StartsWith("redirect=", StringComparison.OrdinalIgnoreCase))
            {
                domain = mechanism["redirect=".Length..];
            }

            domain = domain is null ? null : HostName.Normalize(domain);
            if (!string.IsNullOrEmpty(domain) && !domains.Contains(domain))
            {
                domains.Add(domain);
            }
        }

        return domains;
    }
}
