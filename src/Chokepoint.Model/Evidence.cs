using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One observed signal and the catalog rule that attributed it.</summary>
/// <param name="Signal">The kind of signal: ns, cname, mx, spf, asn, issuer, ocsp, header, registrar-iana, registrar-name, tld, resource-domain, ads-seller, link-domain, affiliate-param.</param>
/// <param name="Value">What was observed, e.g. "amy.ns.cloudflare.com".</param>
/// <param name="Rule">The catalog pattern that matched, if any.</param>
/// <param name="Source">The public source the catalog cites for that rule.</param>
public sealed record Evidence(
    [property: JsonPropertyName("signal")] string Signal,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("rule")] string? Rule = null,
    [property: JsonPropertyName("source")] string? Source = null);
