using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// What a company supplies to the site (JSON: "registry", "mail-sending", "third-party-resource", ...).
/// Which kinds carry money is defined once, in <see cref="ServiceKinds"/>.
/// </summary>
[JsonConverter(typeof(VocabularyConverter<ServiceKind>))]
public enum ServiceKind
{
    Registry,
    Registrar,
    Dns,
    Hosting,
    Cdn,
    Ca,
    Mail,
    MailSending,

    /// <summary>Receives the domain's DMARC aggregate reports (not a catalog service: found through the MX and SPF rules).</summary>
    DmarcReports,

    Ads,
    AdExchange,
    Affiliate,
    Payments,
    Donations,
    Crowdfunding,
    Membership,
    Ecommerce,
    Video,
    Audio,
    ScriptCdn,
    Fonts,
    TagManager,
    Analytics,
    Comments,
    Social,

    /// <summary>A resource host the catalog does not know (not a catalog service).</summary>
    ThirdPartyResource,
}
