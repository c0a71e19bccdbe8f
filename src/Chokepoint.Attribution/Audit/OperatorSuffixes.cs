using Chokepoint.Naming;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Public suffixes that one company runs for its customers (the private section of the Public Suffix List:
/// <c>cloudfront.net</c>, <c>github.io</c>, <c>herokuapp.com</c>, <c>azurewebsites.net</c>...). Every host under
/// such a suffix is a "registrable domain" of its own, yet all of them stand on one operator: they must group by the
/// operator, not one unknown company per host.
/// </summary>
/// <remarks>
/// The installed list (the <c>psl</c> package's rules array) no longer says which section a rule came from, so the
/// section is told by the rule's shape. Measured on psl 1.15.0: the ICANN section holds no rule of two or more labels
/// under a generic TLD (three or more ASCII letters) except under <c>aero</c>, <c>pro</c>, <c>arpa</c> and <c>int</c>;
/// so a multi-label suffix under any other generic TLD is a private-section suffix. Under country-code TLDs both
/// sections have such rules (<c>co.uk</c> is a registry's, <c>github.io</c> a company's), so there only the
/// private-section suffixes listed in <see cref="UnderCountryCodes"/> count. Resold second levels such as
/// <c>uk.com</c> (two labels, a first label of two letters) are registries in all but name and do not count.
/// </remarks>
/// <seealso href="https://publicsuffix.org/list/public_suffix_list.dat">The Public Suffix List, private section</seealso>
internal static class OperatorSuffixes
{
    /// <summary>Generic TLDs whose second-level rules are in the ICANN section (registries, not one company).</summary>
    private static readonly HashSet<string> RegistryRunGenerics = new(StringComparer.Ordinal) { "aero", "pro", "arpa", "int" };

    /// <summary>
    /// Private-section suffixes under country-code TLDs, each the operator's own domain, as the Public Suffix List's
    /// private section lists them (https://publicsuffix.org/list/public_suffix_list.dat).
    /// </summary>
    private static readonly string[] UnderCountryCodes =
    [
        "github.io", "gitlab.io", "readthedocs.io", "ngrok.io", "webflow.io", "repl.co",
    ];

    /// <summary>
    /// Resold second levels in the private section (CentralNic's <c>uk.com</c>, <c>us.org</c>, <c>jpn.com</c>...):
    /// one company runs the suffix, but anyone can register under it, so the hosts below are not that company's.
    /// </summary>
    private static bool IsResoldSecondLevel(string[] labels) =>
        labels.Length == 2 && (labels[0].Length <= 2 || labels[0] is "jpn" or "mex");

    /// <summary>
    /// The operator domain of a host under a one-company public suffix (<c>cloudfront.net</c> for
    /// <c>d1.cloudfront.net</c>, <c>amazonaws.com</c> for <c>b.s3.amazonaws.com</c>), or null when the host's suffix is
    /// a registry's (<c>com</c>, <c>co.uk</c>) or the host is the suffix itself.
    /// </summary>
    public static string? OperatorDomainOf(PublicSuffixList suffixes, string host)
    {
        var normalized = HostName.Normalize(host);
        if (normalized.Length == 0)
        {
            return null;
        }

        var suffix = suffixes.GetPublicSuffix(normalized);
        var labels = suffix.Split('.');
        if (labels.Length < 2 || string.Equals(suffix, normalized, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var listed in UnderCountryCodes)
        {
            if (string.Equals(suffix, listed, StringComparison.Ordinal) || suffix.EndsWith("." + listed, StringComparison.Ordinal))
            {
                return listed;
            }
        }

        var top = labels[^1];
        var generic = top.Length >= 3 && top.All(c => c is >= 'a' and <= 'z') && !RegistryRunGenerics.Contains(top)
            && !IsResoldSecondLevel(labels);

        // No ICANN rule sits below a generic TLD, so the suffix's last two labels are the domain its operator registered.
        return generic ? string.Join('.', labels[^2..]) : null;
    }
}
