using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// The TLS layer: the certificate authority that issued the served certificate (issuer organisation, OCSP host),
/// whether issuance looks automated, whether OCSP is stapled, and which CAs the CAA records allow.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659">RFC 8659: CAA</seealso>
public static class TlsAttribution
{
    /// <summary>Validity at or under this many days suggests automated (ACME) issuance.</summary>
    public const int AutomatedValidityDays = 100;

    /// <summary>Builds the TLS layer.</summary>
    public static LayerReport Attribute(AttributionContext context)
    {
        var builder = new DependencyBuilder();
        var caa = context.Observations.Dns?.Caa;
        var caaSet = caa is null ? CaaFacts.NotObserved : new CaaFacts { Observed = true, Issuers = CaaIssuers(caa.Values) };
        var ocspHosts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var tls in context.Observations.Tls)
        {
            var leaf = tls.Chain.FirstOrDefault();
            if (leaf is null)
            {
                continue;
            }

            var validityDays = (leaf.NotAfter - leaf.NotBefore).TotalDays;
            var details = new DependencyFacts
            {
                Certificates =
                [
                    new CertificateFacts
                    {
                        Host = tls.Host,
                        Issuer = leaf.IssuerCommonName ?? leaf.Issuer,
                        NotBefore = leaf.NotBefore,
                        NotAfter = leaf.NotAfter,
                        ValidityDays = (int)Math.Round(validityDays),
                        Automation = validityDays <= AutomatedValidityDays
                            ? new IssuanceAutomation(true, AutomationReason.ShortValidity)
                            : new IssuanceAutomation(false, AutomationReason.LongValidity),
                        OcspStapled = tls.OcspStapled,
                        ValidationErrors = tls.Valid ? [] : [.. tls.ValidationErrors],
                    },
                ],
                Caa = caaSet,
            };

            var responders = leaf.OcspUrls
                .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant() : null)
                .OfType<string>()
                .ToList();
            var issuers = new List<EntityRef>();
            if (leaf.IssuerOrganization is { } organization && context.Lookup.Find(SignalKind.Issuer, organization) is { } byIssuer)
            {
                builder.Add(byIssuer, Classification.ThirdParty, details);
                issuers.Add(byIssuer.Entity);
            }

            foreach (var responder in responders)
            {
                if (context.Lookup.Find(SignalKind.Ocsp, responder) is { } byOcsp)
                {
                    builder.Add(byOcsp, Classification.ThirdParty, details);
                    issuers.Add(byOcsp.Entity);
                }
            }

            var found = issuers.Count > 0;

            if (!found)
            {
                var label = leaf.IssuerOrganization ?? leaf.Issuer;
                var unknown = EntityRef.Unknown(label);
                builder.Add(unknown, unknown, ServiceKind.Ca, label, Classification.Unknown, new Evidence("issuer", label), details);
                issuers.Add(unknown);
            }

            foreach (var issuer in issuers)
            {
                var hosts = ocspHosts.TryGetValue(issuer.Id, out var known) ? known : ocspHosts[issuer.Id] = [];
                hosts.AddRange(responders.Where(r => !hosts.Contains(r, StringComparer.Ordinal)));
            }
        }

        var unobserved = GapLayers.For(context.Observations, Layer.Tls);
        var dependencies = builder.Build(_ => false)
            .Select(dependency => ocspHosts.TryGetValue(dependency.Entity.Id, out var hosts) && hosts.Count > 0
                ? dependency with { DependsOn = UpstreamAttribution.OcspResponder(context, hosts, dependency.Entity, unobserved) }
                : dependency)
            .ToList();

        return new LayerReport
        {
            Layer = Layer.Tls,
            Dependencies = dependencies,
            Unobserved = unobserved,
        };
    }

    /// <summary>The issuer domains of CAA "issue" records (RFC 8659 section 4.2), parameters stripped.</summary>
    public static List<string> CaaIssuers(IEnumerable<string> caaValues)
    {
        var issuers = new List<string>();
        foreach (var value in caaValues)
        {
            var fields = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3 && fields[1].Equals("issue", StringComparison.OrdinalIgnoreCase))
            {
                var domain = fields[2].Trim('"').Split(';')[0].Trim();
                if (domain.Length > 0 && !issuers.Contains(domain, StringComparer.OrdinalIgnoreCase))
                {
                    issuers.Add(domain);
                }
            }
        }

        return issuers;
    }
}
