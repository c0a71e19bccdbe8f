using Chokepoint.Naming;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Public suffixes that one company runs for its customers (the private section of the Public Suffix List:
/// <c>cloudfront.net</c>, <c>github.io</c>, <c>herokuapp.com</c>, <c>azurewebsites.net</c>...). Every host under
/// such a suffix is a "registrable domain" of its own, yet all of them stand on one operator: they must group by the
/// operator, not one unknown company per host.
/// </summary>
/// <remarks>
/// The section comes from the list itself: the markers of <c>public_suffix_list.dat</c>, or, for the <c>psl</c>
/// package's array that lost them, the order of its rules (<see cref="PublicSuffixList.FromOrderedRules"/>). The
/// operator's domain is the suffix's registrable domain by the ICANN section alone (<c>amazonaws.com</c> for
/// <c>s3.amazonaws.com</c>). Second levels resold to the public (CentralNic's <c>uk.com</c>, <c>us.org</c>,
/// <c>com.de</c>; <c>eu.org</c>; <c>co.nl</c>; the city names of <c>.ru</c> and <c>.pl</c>) are in the private
/// section too, but anyone registers below them and chooses their own providers, so the hosts below are not the
/// suffix operator's: they count as registries (<see cref="IsResoldSecondLevel"/>).
/// </remarks>
/// <seealso href="https://publicsuffix.org/list/public_suffix_list.dat">The Public Suffix List, private section</seealso>
internal static class OperatorSuffixes
{
    /// <summary>
    /// First labels of resold second levels: the registry-style labels (<c>com</c>, <c>co</c>, <c>org</c>...) that
    /// CentralNic and others sell under (<c>com.de</c>, <c>co.com</c>, <c>co.nl</c>, <c>net.ru</c>), and two resold
    /// country-style names longer than two letters (<c>jpn.com</c>, <c>mex.com</c>); the list's private section
    /// names each under its seller (https://publicsuffix.org/list/public_suffix_list.dat: CentralNic's entries,
    /// "CoDNS B.V." for <c>co.nl</c>, Eu.org, "Flexireg" for <c>msk.ru</c>, MSK-IX for <c>net.ru</c>; <c>co.krd</c> under
    /// the .KRD registry's policy).
    /// </summary>
    private static readonly HashSet<string> ResoldFirstLabels = new(StringComparer.Ordinal)
    {
        "com", "co", "net", "org", "edu", "gov", "int", "mil", "ltd", "plc", "inc", "biz", "sch", "ngo", "gen", "col",
        "pp", "jpn", "mex", "msk", "spb", "nov", "cbg",
    };

    /// <summary>
    /// A resold second level of the private section (<c>uk.com</c>, <c>com.de</c>, <c>eu.org</c>): two labels, the
    /// first of two letters or less (a country code: <c>uk.com</c>, <c>br.com</c>) or a registry-style label.
    /// </summary>
    private static bool IsResoldSecondLevel(string[] labels) =>
        labels.Length == 2 && (labels[0].Length <= 2 || ResoldFirstLabels.Contains(labels[0]));

    /// <summary>
    /// The operator domain of a host under a one-company public suffix (<c>cloudfront.net</c> for
    /// <c>d1.cloudfront.net</c>, <c>amazonaws.com</c> for <c>b.s3.amazonaws.com</c>), or null when the host's suffix is
    /// a registry's (<c>com</c>, <c>co.uk</c>, <c>uk.com</c>) or the host is the suffix itself.
    /// </summary>
    public static string? OperatorDomainOf(PublicSuffixList suffixes, string host)
    {
        var normalized = HostName.Normalize(host);
        if (normalized.Length == 0 || suffixes.GetSection(normalized) != PublicSuffixSection.Private)
        {
            return null;
        }

        var suffix = suffixes.GetPublicSuffix(normalized);
        if (string.Equals(suffix, normalized, StringComparison.Ordinal) || IsResoldSecondLevel(suffix.Split('.')))
        {
            return null;
        }

        return suffixes.GetIcannRegistrableDomain(suffix) ?? suffix;
    }
}
