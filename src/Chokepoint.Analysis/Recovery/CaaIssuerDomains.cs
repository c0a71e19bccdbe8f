namespace Chokepoint.Analysis.Recovery;

/// <summary>
/// The issuer domain names each CA tells subscribers to put in CAA <c>issue</c> records, keyed by the catalog's
/// company id of the CA: the "CAA identifiers" every CA discloses to the Common CA Database
/// (https://www.ccadb.org/resources, "CA Information Report"). Used to tell whether a CAA set already allows a CA
/// of another company, and to write the value of a second CA into a CAA artifact.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659#section-4.2">RFC 8659 section 4.2</seealso>
public static class CaaIssuerDomains
{
    private static readonly Dictionary<string, string[]> ByCompany = new(StringComparer.Ordinal)
    {
        ["isrg"] = ["letsencrypt.org"],
        ["digicert"] = ["digicert.com", "www.digicert.com", "symantec.com", "geotrust.com", "rapidssl.com", "thawte.com"],
        ["sectigo"] = ["sectigo.com", "comodoca.com", "comodo.com", "usertrust.com", "trust-provider.com"],
        ["zerossl"] = ["sectigo.com"],
        ["google"] = ["pki.goog"],
        ["alphabet"] = ["pki.goog"],
        ["globalsign"] = ["globalsign.com"],
        ["amazon"] = ["amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"],
        ["entrust"] = ["entrust.net", "affirmtrust.com"],
        ["buypass"] = ["buypass.com", "buypass.no"],
        ["ssl-com"] = ["ssl.com"],
        ["godaddy"] = ["godaddy.com", "starfieldtech.com"],
        ["actalis"] = ["actalis.it"],
        ["harica"] = ["harica.gr"],
        ["asseco"] = ["certum.pl", "certum.eu"],
        ["identrust"] = ["identrust.com"],
    };

    /// <summary>The CAA issuer domains of a CA company; empty when not known.</summary>
    public static IReadOnlyList<string> Of(string? companyId) =>
        companyId is not null && ByCompany.TryGetValue(companyId, out var domains) ? domains : [];

    /// <summary>The domain a plan writes for the company's CA (the first it publishes), or null.</summary>
    public static string? Preferred(string? companyId) => Of(companyId) is [var first, ..] ? first : null;

    /// <summary>
    /// Whether a CAA set allows a CA of another company than <paramref name="companyId"/>: true when the set names
    /// no issuer (any CA may issue) or names one that is not this company's; false when every issuer named is this
    /// company's; null when nothing is known (the set was not seen, or the company's own issuer domains are not known
    /// and only one issuer is named).
    /// </summary>
    public static bool? AllowAnotherThan(string companyId, IReadOnlyList<string>? issuers)
    {
        if (issuers is null)
        {
            return null;
        }

        if (issuers.Count == 0)
        {
            return true;
        }

        var own = Of(companyId);
        if (own.Count == 0)
        {
            return issuers.Select(Normalize).Distinct(StringComparer.Ordinal).Count() > 1 ? true : null;
        }

        return issuers.Any(issuer => !own.Contains(Normalize(issuer), StringComparer.Ordinal));
    }

    /// <summary>An issuer domain as CAA sets compare it: trimmed, lowercase, without a trailing dot.</summary>
    public static string Normalize(string issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return issuer.Trim().TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>The issuers of <paramref name="issuers"/> that are not <paramref name="companyId"/>'s own.</summary>
    public static IReadOnlyList<string> OthersThan(string companyId, IEnumerable<string> issuers) =>
        [.. issuers.Select(Normalize).Where(issuer => !Of(companyId).Contains(issuer, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];
}
