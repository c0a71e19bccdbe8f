using System.Globalization;
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
        var unknown = new List<(NameServerObservation NameServer, string Operator, Classification Classification, DependencyFacts Details)>();
        foreach (var nameServer in NameServers(context))
        {
            var details = new DependencyFacts
            {
                Delegation = new DelegationFacts { ParentNsTtl = dns?.ParentNs?.Ttl, ChildNsTtl = dns?.ChildNs?.Ttl, Soa = soa, NameServers = [Facts(nameServer)] },
            };

            var known = context.Lookup.Find(SignalKind.Ns, nameServer.Host) ?? context.SuffixOperator(nameServer.Host);
            var classification = Classify(context, nameServer, known is not null, siteSoa);
            if (known is not null && classification != Classification.Private)
            {
                builder.Add(known with { Service = ServiceKind.Dns }, classification, details);
                continue;
            }

            if (classification == Classification.Private)
            {
                var self = new EntityRef("self:" + context.SiteRegistrableDomain, $"{context.SiteRegistrableDomain} (self-hosted)", null);
                builder.Add(self, self, ServiceKind.Dns, "own nameservers", classification, new Evidence("ns", nameServer.Host), details);
                if (!context.IsSiteOwned(nameServer.Host) && !TiedBySoa(context, nameServer.OwnZoneSoa)
                    && TiedByRdap(context, context.RegistrableDomainOf(nameServer.Host)) is { } tie)
                {
                    builder.Add(self, self, ServiceKind.Dns, "own nameservers", classification, tie);
                }

                continue;
            }

            // Not in the catalog: the operator is named by the nameserver's domain, and grouped below with the other
            // unknown operators it is shown to be one with.
            unknown.Add((nameServer, context.OperatorDomainOf(nameServer.Host), classification, details));
        }

        var groups = OperatorGroups.Group(unknown.Select(u => (u.Operator, Traits(context, u.NameServer, u.Operator))));
        foreach (var (nameServer, operatorDomain, classification, details) in unknown)
        {
            var group = groups[operatorDomain];
            var entity = group.Entity;
            builder.Add(entity, entity, ServiceKind.Dns, group.Label, classification, new Evidence("ns", nameServer.Host), details);
            foreach (var evidence in group.Evidence)
            {
                builder.Add(entity, entity, ServiceKind.Dns, group.Label, classification, evidence);
            }
        }

        var unobserved = GapLayers.For(context.Observations, Layer.Dns);
        if (dns is not null && dns.DsPresent is null)
        {
            unobserved.Add(new UnobservedItem("dns.dnssec", "DS presence was not observed"));
        }

        var dependencies = builder.Build();
        var notes = new List<string>();
        dependencies = SetAsideNotServing(context.SiteRegistrableDomain, dependencies, notes);
        if (dns is { NameServers.Count: > 0 })
        {
            unobserved.AddRange(NotSeenToServe(dependencies));
        }

        return new LayerReport
        {
            Layer = Layer.Dns,
            Dependencies = dependencies,
            Notes = notes,
            Unobserved = unobserved,
        };
    }

    /// <summary>
    /// A company in the delegation whose every nameserver is lame or unreachable does not serve the zone: it stays a
    /// dependency (with its nameservers' states), is redundant with nobody, and no other company counts it as its
    /// alternative (<see cref="ZoneServing.NotServing"/>, which the site model uses too). One note per such company
    /// says so.
    /// </summary>
    private static IReadOnlyList<Dependency> SetAsideNotServing(string domain, IReadOnlyList<Dependency> dependencies, List<string> notes)
    {
        var notServing = ZoneServing.NotServing(dependencies);
        if (notServing.Count == 0)
        {
            return dependencies;
        }

        static string CompanyOf(Dependency d) => (d.Owner ?? d.Entity).Id;
        static string NameOf(Dependency d) => d.Provider ?? d.Entity.Name;
        var serving = dependencies.Where(d => !notServing.Contains(CompanyOf(d))).ToList();
        var servingCompanies = serving.Select(CompanyOf).Distinct(StringComparer.Ordinal).Count();
        var servedBy = string.Join(", ", serving.Select(NameOf).Distinct(StringComparer.Ordinal));
        foreach (var dependency in dependencies.Where(d => notServing.Contains(CompanyOf(d))))
        {
            var nameServers = string.Join(", ", dependency.Facts!.Delegation!.NameServers.Select(ns => $"{ns.Host} {ns.State.ToWord()}"));
            notes.Add($"{NameOf(dependency)} does not serve {domain}: its nameservers are in the delegation but none answers with authority ({nameServers}); " +
                      $"it is no alternative, so the DNS is not redundant between it and {servedBy}" +
                      (servingCompanies == 1 ? $": only {servedBy} serves the zone" : string.Empty));
        }

        return [.. dependencies.Select(d => d with { Redundant = !notServing.Contains(CompanyOf(d)) && servingCompanies > 1 })];
    }

    /// <summary>
    /// A company none of whose nameservers was seen to serve, with some not observed (unknown, or its own name did not
    /// resolve): whether it is an alternative was not seen, so the DNS is partly observed, one gap per such nameserver.
    /// </summary>
    private static IEnumerable<UnobservedItem> NotSeenToServe(IReadOnlyList<Dependency> dependencies) =>
        dependencies
            .GroupBy(d => (d.Owner ?? d.Entity).Id, StringComparer.Ordinal)
            .Select(company => new DelegationFacts { NameServers = [.. company.SelectMany(d => d.Facts?.Delegation?.NameServers ?? [])] })
            .Where(ZoneServing.NotSeenToServe)
            .SelectMany(delegation => delegation.NameServers)
            .Where(ns => ns.State is NameServerState.Unknown or NameServerState.Unresolved)
            .Select(ns => new UnobservedItem(
                "dns.ns." + ns.Host,
                ns.State == NameServerState.Unresolved
                    ? $"whether {ns.Host} serves the zone was not observed: its name did not resolve ({ns.Detail ?? "no address"})"
                    : $"whether {ns.Host} serves the zone was not observed: it was not asked")
            {
                Target = ns.Host,
            });

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

        if (TiedBySoa(context, nameServer.OwnZoneSoa) || TiedByRdap(context, registrable) is not null)
        {
            return Classification.Private;
        }

        if (siteSoa is not null && nameServer.OwnZoneSoa is not null)
        {
            return SoaOwners(context, siteSoa).SetEquals(SoaOwners(context, nameServer.OwnZoneSoa))
                ? Classification.Unknown
                : Classification.ThirdParty;
        }

        return Classification.Unknown;
    }

    /// <summary>
    /// A nameserver under another domain is the site's own (a sibling or older brand's domain) when the SOA of the
    /// zone that holds the nameserver's name ties it to the site: its primary (MNAME) is in the site's domain, or its
    /// mailbox (RNAME) is the site's (hostmaster@site). The site's own SOA is no tie: many hosts write
    /// hostmaster.&lt;customer zone&gt; into the zones they serve, so it names the site whoever runs the servers.
    /// </summary>
    private static bool TiedBySoa(AttributionContext context, string? nameServerZoneSoa)
    {
        bool AtSite(string name) =>
            string.Equals(context.RegistrableDomainOf(name), context.SiteRegistrableDomain, StringComparison.OrdinalIgnoreCase);
        return SoaFields(nameServerZoneSoa) is var (mname, rname) && (AtSite(mname) || AtSite(rname));
    }

    /// <summary>
    /// The evidence that ties a nameserver under another domain to the site by RDAP (<see cref="RegistrantTies"/>): the
    /// nameserver domain's registrant organisation is the site's, or its registrar of record and registrant handle are.
    /// A shared registrar alone is no tie. Null when nothing ties them or either registration was not seen.
    /// </summary>
    private static Evidence? TiedByRdap(AttributionContext context, string? nameServerDomain)
    {
        if (nameServerDomain is null
            || context.Observations.Registration is not { } site
            || context.Observations.NameServerDomains?.FirstOrDefault(d => string.Equals(d.Domain, nameServerDomain, StringComparison.OrdinalIgnoreCase)) is not { } other
            || RegistrantTies.Tie(site, other) is not { } rule)
        {
            return null;
        }

        var shared = rule == RegistrantTies.SameOrganisation ? other.Registrant!.Organisation : other.Registrant!.Handle;
        return new Evidence("rdap-registrant", $"{nameServerDomain}: {shared}", rule);
    }

    /// <summary>MNAME and RNAME of an SOA in presentation format, or null when it has fewer than two fields.</summary>
    private static (string Mname, string Rname)? SoaFields(string? soa)
    {
        var fields = soa?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 2 } ? (fields[0].TrimEnd('.'), fields[1].TrimEnd('.')) : null;
    }

    /// <summary>
    /// What an unknown nameserver's operator may share with another (OperatorGroups): its brand label, its zone's SOA
    /// (the MNAME and RNAME pair, and the operator domains it names), its addresses and their networks.
    /// </summary>
    private static IEnumerable<OperatorTrait> Traits(AttributionContext context, NameServerObservation nameServer, string operatorDomain)
    {
        if (OperatorGroups.BrandOf(operatorDomain) is { } brand)
        {
            yield return brand;
        }

        // Every operator "names itself", so an SOA that names another candidate's domain joins the two.
        yield return new OperatorTrait(OperatorGroups.SoaNames, operatorDomain.ToLowerInvariant());
        if (SoaFields(nameServer.OwnZoneSoa) is var (mname, rname))
        {
            // A primary that is a known provider's (a zone hosted at Cloudflare) says who serves the zone, not who owns it.
            if (context.Lookup.Find(SignalKind.Ns, mname) is null)
            {
                yield return new OperatorTrait(OperatorGroups.SameSoa, $"{mname} {rname}".ToLowerInvariant());
                foreach (var named in new[] { mname, rname }.Select(context.RegistrableDomainOf).OfType<string>()
                    .Where(d => !string.Equals(d, context.SiteRegistrableDomain, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return new OperatorTrait(OperatorGroups.SoaNames, named.ToLowerInvariant());
                }
            }
        }

        foreach (var address in nameServer.Addresses)
        {
            yield return new OperatorTrait(OperatorGroups.SameAddress, address.Ip.ToLowerInvariant());
            if (address.Asn is { } asn)
            {
                yield return new OperatorTrait(OperatorGroups.SameNetwork, "AS" + asn.ToString(CultureInfo.InvariantCulture));
            }
        }
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
