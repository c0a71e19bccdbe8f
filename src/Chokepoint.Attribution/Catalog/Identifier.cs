using System.Globalization;
using System.Net;

namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// Answers <c>chokepoint identify KIND VALUE</c>: attributes one value (a nameserver, CNAME target, MX host, IP
/// address, certificate issuer, header, registrar, ...) to a company through the catalog. Unknown values and invalid
/// input are answered as data (<see cref="IdentifyResult.UnknownReason"/>), never as exceptions.
/// </summary>
/// <param name="catalog">The provider catalog.</param>
/// <param name="asnLookup">IP-to-ASN lookup for <c>ip</c> values (AS number and organisation), or null when no such data is installed.</param>
public sealed class Identifier(ProviderCatalog catalog, Func<IPAddress, (int asn, string org)?>? asnLookup = null)
{
    /// <summary>The kind words the command accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["ns", "cname", "mx", "spf", "ip", "asn", "issuer", "ocsp", "header", "registrar", "registrar-iana", "registrar-name",
         "tld", "resource-domain", "ads-seller", "link-domain", "affiliate-param"];

    /// <summary>
    /// Identifies one value. <c>ip</c> values go through the ASN lookup; <c>registrar</c> takes a name (as in RDAP) or
    /// an all-digit IANA registrar id; <c>header</c> takes <c>Name: value</c> or just <c>Name</c>.
    /// </summary>
    public IdentifyResult Identify(string kind, string value)
    {
        var word = (kind ?? string.Empty).Trim().ToLowerInvariant();
        var text = value ?? string.Empty;
        if (!SignalKinds.TryParse(word, out var signalKind))
        {
            return IdentifyResult.Unknown(word, text, null, $"unknown kind '{kind}'; expected one of {string.Join(", ", Kinds)}");
        }

        if (word == "ip")
        {
            return IdentifyAddress(word, text);
        }

        if (word == "registrar" && text.Trim().Length > 0 && text.Trim().All(char.IsAsciiDigit))
        {
            signalKind = SignalKind.RegistrarIana;
        }

        var normalized = ProviderCatalog.NormalizeValue(signalKind, text, out var error);
        if (normalized is null)
        {
            return IdentifyResult.Unknown(word, text, null, error);
        }

        var display = signalKind == SignalKind.Asn ? "AS" + normalized : normalized;
        var match = catalog.Match(signalKind, text);
        return match is null
            ? IdentifyResult.Unknown(word, text, display, $"no catalog rule matches {SignalKinds.ToWord(signalKind)} '{display}'")
            : IdentifyResult.FromMatch(word, text, display, match);
    }

    private IdentifyResult IdentifyAddress(string word, string text)
    {
        if (!IPAddress.TryParse(text.Trim().Trim('[', ']'), out var address))
        {
            return IdentifyResult.Unknown(word, text, null, $"'{text}' is not an IP address");
        }

        var normalized = address.ToString();
        if (asnLookup is null)
        {
            return IdentifyResult.Unknown(word, text, normalized, "no IP-to-ASN data is available to find the address's network");
        }

        if (asnLookup(address) is not { } network)
        {
            return IdentifyResult.Unknown(word, text, normalized, $"no network announcing {normalized} was found in the IP-to-ASN data");
        }

        var asn = network.asn.ToString(CultureInfo.InvariantCulture);
        var display = $"AS{asn}";
        var match = catalog.Match(SignalKind.Asn, asn);
        return match is null
            ? IdentifyResult.Unknown(word, text, display, $"{display} ({network.org}) is not in the catalog")
            : IdentifyResult.FromMatch(word, text, display, match);
    }
}
