using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;
using Chokepoint.Observations.Dns;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// The DNS layer: nameservers grouped by the company that runs them, classified private or third party by the
/// method of Kashaf et al. (MEASUREMENT.md): same registrable domain, certificate SANs, known providers, SOA comparison.
/// Redundancy is judged by operating company, not by nameserver count.
/// </summary>
public static class DnsAttribution
{
    /// <summary>Builds the DNS layer.</summary>
    public static LayerReport Attribute(AttributionContext context)
    {
        var builder = new DependencyBuilder();
        var dns = context.Observations.Dns;
        var siteSoa = dns?.Soa?.Values.FirstOrDefault();
        var soa = SoaFacts.Parse(siteSoa, dns?.Soa?.Ttl);
        foreach (var nameServer in NameServers(context))
        {
            var details = new DependencyFacts
            {
                Delegation = new DelegationFacts { ParentNsTtl = dns?.ParentNs?.Ttl, ChildNsTtl = dns?.ChildNs?.Ttl, Soa = soa, NameServers = [Facts(nameServer)] },
            };

            var known = context.Lookup.Find(SignalKind.Ns, nameServer.Host);
            var classification = Classify(context, nameServer, known is not null, siteSoa);
            if (known is not null && classification != Classification.Private)
            {
                builder.Add(known, classification, details);
                continue;
            }

            // Not in the catalog (or the site's own): the operator is named by the nameserver's registrable domain.
            var operatorDomain = context.RegistrableDomainOf(nameServer.Host) ?? nameServer.Host;
            var entity = classification == Classification.Private
                ? new EntityRef("self:" + context.SiteRegistrableDomain, $"{context.SiteRegistrableDomain} (self-hosted)", null)
                : EntityRef.Unknown(operatorDomain);
            builder.Add(entity, entity, ServiceKind.Dns, classification == Classification.Private ? "own nameservers" : operatorDomain,
                classification, new Evidence("ns", nameServer.Host), details);
        }

        var unobserved = GapLayers.For(context.Observations, Layer.Dns);
        if (dns is not null && dns.DsPresent is null)
        {
            unobserved.Add(new UnobservedItem("dns.dnssec", "DS presence was not observed"));
        }

        return new LayerReport
        {
            Layer = Layer.Dns,
            Dependencies = builder.Build(),
            Unobserved = unobserved,
        };
    }

    private static IEnumerable<NameServerObservation> NameServers(AttributionContext context)
    {
        var dns = context.Observations.Dns;
        if (dns is not null && dns.NameServers.Count > 0)
        {
            return dns.NameServers;
        }

        // No DNS observations: fall back on the nameservers RDAP lists at the parent.
        return context.Observations.Registration?.NameServers
            .Select(host => new NameServerObservation { Host = host, AtParent = true, State = "unknown" }) ?? [];
    }

    private static NameServerFacts Facts(NameServerObservation nameServer) => new()
    {
        Host = nameServer.Host,
        State = Vocabulary.TryParse<NameServerState>(nameServer.State, out var state) ? state : NameServerState.Unknown,
        AtParent = nameServer.AtParent,
        AtChild = nameServer.AtChild,
        Addresses = [.. nameServer.Addresses.Select(AddressFacts.Of)],
        Detail = nameServer.Detail,
    };

    /// <summary>MEASUREMENT.md rules 1-5, with the known-provider list overriding the heuristics.</summary>
    internal static Classification Classify(AttributionContext context, NameServerObservation nameServer, bool knownProvider, string? siteSoa)
    {
        var registrable = context.RegistrableDomainOf(nameServer.Host);
        if (registrable is not null && string.Equals(registrable, context.SiteRegistrableDomain, StringComparison.OrdinalIgnoreCase))
        {
            return Classification.Private;
        }

        if (registrable is not null && context.CertificateDomains.Contains(registrable) && !knownProvider)
        {
            return Classification.Private;
        }

        if (knownProvider)
        {
            return Classification.ThirdParty;
        }

        if (siteSoa is not null && nameServer.OwnZoneSoa is not null)
        {
            return SoaOwners(context, siteSoa).SetEquals(SoaOwners(context, nameServer.OwnZoneSoa))
                ? Classification.Unknown
                : Classification.ThirdParty;
        }

        return Classification.Unknown;
    }

    /// <summary>Registrable domains of an SOA's MNAME and RNAME.</summary>
    private static HashSet<string> SoaOwners(AttributionContext context, string soa)
    {
        var fields = soa.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Take(2)
            .Select(field => context.RegistrableDomainOf(field))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
