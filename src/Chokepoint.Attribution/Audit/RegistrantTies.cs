using System.Text;
using Chokepoint.Observations.Registration;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Whether the RDAP registrations of two domains show one organisation holding both: the same registrant
/// organisation, or the same registrar of record and the same registrant handle. Withheld data and the names of
/// privacy and proxy services never tie: thousands of unrelated domains carry the same "REDACTED FOR PRIVACY" or
/// "Domains By Proxy, LLC". Pure.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9537">RFC 9537: Redacted Fields in RDAP</seealso>
/// <seealso href="https://www.icann.org/resources/pages/privacy-proxy-registration-2013-03-22-en">ICANN: privacy and proxy registration services</seealso>
public static class RegistrantTies
{
    /// <summary>The rule recorded when the registrant organisations are the same.</summary>
    public const string SameOrganisation = "rdap-registrant";

    /// <summary>The rule recorded when the registrar of record and the registrant handle are the same.</summary>
    public const string SameRegistrarAndHandle = "rdap-registrar+registrant";

    /// <summary>
    /// Words that mark a registrant value as withheld or a privacy/proxy service's, not the holder's, compared on the
    /// normalised text (<see cref="Normalise"/>): "REDACTED FOR PRIVACY" (ICANN RDAP Response Profile 2024, section
    /// 2.7.4), "Privacy service provided by Withheld for Privacy ehf" (Namecheap's service), "Domains By Proxy, LLC"
    /// (GoDaddy's), "Contact Privacy Inc." (Tucows'), "WhoisGuard, Inc.", "Data Protected", "Not Disclosed",
    /// "Statutory Masking Enabled". A real holder with one of these words in its name is not tied by RDAP: the safe side.
    /// </summary>
    /// <seealso href="https://www.icann.org/en/system/files/files/rdap-response-profile-21feb24-en.pdf">ICANN RDAP Response Profile (2024)</seealso>
    /// <seealso href="https://en.wikipedia.org/wiki/Domain_privacy">Domain privacy (Withheld for Privacy ehf, Namecheap)</seealso>
    /// <seealso href="https://www.domainsbyproxy.com/">Domains By Proxy</seealso>
    /// <seealso href="https://www.contactprivacy.com/">Contact Privacy Inc.</seealso>
    public static IReadOnlyList<string> PrivacyWords { get; } =
    [
        "redacted", "privacy", "proxy", "withheld", "whoisguard", "dataprotected", "notdisclosed", "nonpublic",
        "statutorymasking", "registrationprivate", "identityprotect", "gdpr",
    ];

    /// <summary>
    /// Lowercase letters and digits only: "Harborview Group B.V." and "HARBORVIEW GROUP BV" are one text. Null for a
    /// value that is empty, withheld or a privacy service's (<see cref="PrivacyWords"/>).
    /// </summary>
    public static string? Normalise(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            if (char.IsLetterOrDigit(character))
            {
                text.Append(char.ToLowerInvariant(character));
            }
        }

        var normalised = text.ToString();
        return normalised.Length == 0 || PrivacyWords.Any(word => normalised.Contains(word, StringComparison.Ordinal)) ? null : normalised;
    }

    /// <summary>
    /// The rule that ties the nameserver domain's registration to the site's, or null. Sharing a registrar alone is
    /// no tie: one registrar sponsors millions of unrelated domains (GoDaddy alone tens of millions). A handle names a
    /// contact in one registry's database, so handles are compared only between answers of one RDAP service.
    /// </summary>
    public static string? Tie(RegistrationObservation site, NameServerDomainObservation other)
    {
        if (site.Registrant is not { } ours || other.Registrant is not { } theirs)
        {
            return null;
        }

        if (Normalise(ours.Organisation) is { } organisation && organisation == Normalise(theirs.Organisation))
        {
            return SameOrganisation;
        }

        var sameRegistrar = site.RegistrarIanaId is > 0 && other.RegistrarIanaId is > 0
            ? site.RegistrarIanaId == other.RegistrarIanaId
            : Normalise(site.RegistrarName) is { } registrar && registrar == Normalise(other.RegistrarName);
        var sameService = site.RdapService is null || other.RdapService is null
            || string.Equals(site.RdapService, other.RdapService, StringComparison.OrdinalIgnoreCase);
        return sameRegistrar && sameService && Normalise(ours.Handle) is { } handle && handle == Normalise(theirs.Handle)
            ? SameRegistrarAndHandle
            : null;
    }
}
