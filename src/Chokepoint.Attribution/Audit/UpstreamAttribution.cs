using System.Globalization;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Naming;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// The providers' own dependencies, seen from outside: the DNS of the zones that hold a CDN's or host's CNAME
/// targets or of a mail provider's exchangers, and the network and DNS behind a CA's OCSP responder. The result goes into
/// <see cref="Dependency.DependsOn"/> of the provider that relies on them.
/// </summary>
public static class UpstreamAttribution
{
    /// <summary>The key of unobserved items about upstream zones (the collector uses the same), before the reason.</summary>
    public const string UnobservedKey = "upstream.zone";

    /// <summary>The reason given when the observations hold no upstream zones at all (written before they were collected).</summary>
    public const string NotCollected = "not collected: these observations predate the collection of the providers' own zones and OCSP hosts; collect again to see them";

    /// <summary>The key of unobserved items about the zones looked at for <paramref name="reason"/> ("cname", "mx", "ocsp").</summary>
    public static string KeyFor(string reason) => UnobservedKey + "." + reason;

    /// <summary>
    /// The DNS operators of the zones holding <paramref name="names"/>, one dependency per operator and zone.
    /// Names whose zone was not observed are added to <paramref name="unobserved"/> unless the collector already
    /// said why.
    /// </summary>
    /// <param name="context">The attribution context.</param>
    /// <param name="names">Host names outside the site, e.g. a CNAME chain from the first third-party target on.</param>
    /// <param name="provider">The provider these names lead to (the owner a self-hosted zone falls back on).</param>
    /// <param name="relyingHosts">What relies on the names, e.g. the site's "www.example.com" whose CNAME leads there.</param>
    /// <param name="reason">Why the collector looked at these names.</param>
    /// <param name="unobserved">Receives what could not be seen.</param>
    public static IReadOnlyList<Dependency> ZoneDns(
        AttributionContext context, IEnumerable<string> names, EntityRef provider, IReadOnlyList<string> relyingHosts, UpstreamReason reason, List<UnobservedItem> unobserved)
    {
        var key = KeyFor(reason.ToWord());
        if (context.Observations.UpstreamZones is not { } observedZones)
        {
            if (!unobserved.Any(u => u.What == key))
            {
                unobserved.Add(new UnobservedItem(key, NotCollected) { Kind = GapLayers.KindName(GapKind.NotCollected), Subject = key });
            }

            return [];
        }

        var providerOwner = context.Lookup.OwnerOf(provider);
        var zones = new List<ZoneObservation>();
        foreach (var name in names.Select(Normalise).Where(n => n.Length > 0 && !context.IsSiteOwned(n)).Distinct(StringComparer.Ordinal))
        {
            var zone = observedZones.FirstOrDefault(z => z.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (zone is null)
            {
                var explained = context.Observations.Unobserved.Any(u =>
                    u.Subject is GapKeys.UpstreamZoneCname or GapKeys.UpstreamZoneMx or GapKeys.UpstreamZoneOcsp && Concerns(u, name));
                if (!explained && !unobserved.Any(u => u.What == key && u.Reason.StartsWith(name + ":", StringComparison.Ordinal)))
                {
                    unobserved.Add(new UnobservedItem(key, $"{name}: the nameservers of its zone were not observed, so {provider.Name}'s own DNS is unknown"));
                }

                continue;
            }

            if (!zones.Contains(zone))
            {
                zones.Add(zone);
            }
        }

        // One builder per zone: the operators of one zone are alternatives, different zones are all needed.
        var result = new List<Dependency>();
        foreach (var zone in zones)
        {
            var builder = new DependencyBuilder();
            if (zone.NameServers.Count == 0)
            {
                unobserved.Add(new UnobservedItem(key, $"{zone.Zone}: no nameservers were observed for the zone"));
                continue;
            }

            // Unknown operators of one zone under several names of one brand (brand.net, brand.co.uk) are one company.
            var groups = OperatorGroups.Group(zone.NameServers
                .Where(nameServer => context.Lookup.Find(SignalKind.Ns, nameServer) is null)
                .Select(nameServer => context.OperatorDomainOf(nameServer))
                .Select(domain => (domain, (IEnumerable<OperatorTrait>)(OperatorGroups.BrandOf(domain) is { } brand ? [brand] : []))));
            foreach (var nameServer in zone.NameServers)
            {
                var details = new DependencyFacts
                {
                    Upstream = new UpstreamFacts
                    {
                        Zone = zone.Zone,
                        Reason = reason,
                        For = [.. relyingHosts],
                        Names = [.. zone.Names],
                        ZoneNsTtl = zone.Ttl,
                        NameServers = [nameServer],
                    },
                };

                if (context.Lookup.Find(SignalKind.Ns, nameServer) is { } known)
                {
                    builder.Add(known, Relation(known.Owner, providerOwner), details);
                    continue;
                }

                var operatorDomain = context.RegistrableDomainOf(nameServer) ?? nameServer;
                var zoneDomain = context.RegistrableDomainOf(zone.Zone) ?? zone.Zone;
                if (string.Equals(operatorDomain, zoneDomain, StringComparison.OrdinalIgnoreCase))
                {
                    // The zone's owner runs its own nameservers: name that owner through the catalog; a zone the
                    // catalog does not know belongs to an unknown company, never silently to the provider.
                    if (ZoneOwner(context, zone.Zone) is { } owner)
                    {
                        builder.Add(owner.Entity, owner.Owner, ServiceKind.Dns, $"own nameservers of {zone.Zone}", Relation(owner.Owner, providerOwner),
                            new Evidence("ns", nameServer, owner.Evidence.Rule, owner.Evidence.Source), details);
                    }
                    else if (zone.Names.Any(name => ZoneOwner(context, name)?.Entity.Id == provider.Id))
                    {
                        // The catalog gives the provider a name inside the zone (its CNAME target): the zone is its own.
                        builder.Add(provider, providerOwner, ServiceKind.Dns, $"own nameservers of {zone.Zone}", Classification.Private,
                            new Evidence("ns", nameServer), details);
                    }
                    else
                    {
                        var unknownOwner = EntityRef.Unknown(zoneDomain);
                        builder.Add(unknownOwner, unknownOwner, ServiceKind.Dns, $"own nameservers of {zone.Zone}", Classification.Unknown, new Evidence("ns", nameServer), details);
                    }

                    continue;
                }

                var group = groups[context.OperatorDomainOf(nameServer)];
                builder.Add(group.Entity, group.Entity, ServiceKind.Dns, group.Label, Classification.Unknown, new Evidence("ns", nameServer), details);
                foreach (var evidence in group.Evidence)
                {
                    builder.Add(group.Entity, group.Entity, ServiceKind.Dns, group.Label, Classification.Unknown, evidence);
                }
            }

            result.AddRange(builder.Build());
        }

        return result;
    }

    /// <summary>
    /// What a CA's OCSP responder runs on: the CDN or host its name leads to (CNAME chain, origin AS of its
    /// addresses) and the DNS of the zones on the way.
    /// </summary>
    public static IReadOnlyList<Dependency> OcspResponder(
        AttributionContext context, IEnumerable<string> ocspHosts, EntityRef ca, List<UnobservedItem> unobserved)
    {
        var delivery = new DependencyBuilder();
        var zoneDns = new List<Dependency>();
        var caOwner = context.Lookup.OwnerOf(ca);
        if (context.Observations.UpstreamZones is null)
        {
            if (!unobserved.Any(u => u.What == "tls.ocsp"))
            {
                unobserved.Add(new UnobservedItem("tls.ocsp", NotCollected) { Kind = GapLayers.KindName(GapKind.NotCollected) });
            }

            return [];
        }

        foreach (var hostName in ocspHosts.Select(Normalise).Distinct(StringComparer.Ordinal))
        {
            var host = context.Observations.Hosts.FirstOrDefault(h => h.Role == "ocsp" && string.Equals(h.Name, hostName, StringComparison.OrdinalIgnoreCase));
            if (host is null)
            {
                var explained = context.Observations.Unobserved.Any(u => Concerns(u, hostName));
                if (!explained)
                {
                    unobserved.Add(new UnobservedItem("tls.ocsp", $"{hostName}: the OCSP responder's host was not resolved, so what it runs on is unknown"));
                }

                continue;
            }

            foreach (var target in host.CnameChain)
            {
                if (context.Lookup.Find(SignalKind.Cname, target) is { Service: ServiceKind.Cdn or ServiceKind.Hosting } viaCname)
                {
                    delivery.Add(viaCname, Relation(viaCname.Owner, caOwner), new DependencyFacts
                    {
                        Hosts = [new HostUse { Host = hostName, Role = HostRole.Ocsp, CnameTarget = target }],
                    });
                }
            }

            foreach (var address in host.Addresses)
            {
                var details = new DependencyFacts
                {
                    Hosts = [new HostUse { Host = hostName, Role = HostRole.Ocsp, Address = AddressFacts.Of(address) }],
                };
                if (address.Asn is not { } asn)
                {
                    continue;
                }

                var asnText = asn.ToString(CultureInfo.InvariantCulture);
                if (context.Lookup.Find(SignalKind.Asn, asnText) is { } viaAsn)
                {
                    var service = viaAsn.Service == ServiceKind.Cdn ? ServiceKind.Cdn : ServiceKind.Hosting;
                    delivery.Add(viaAsn with { Service = service }, Relation(viaAsn.Owner, caOwner), details);
                }
                else
                {
                    var label = $"AS{asnText} {address.AsOrganization}".Trim();
                    var unknown = EntityRef.Unknown(label);
                    delivery.Add(unknown, unknown, ServiceKind.Hosting, label, Classification.Unknown, new Evidence("asn", asnText), details);
                }
            }

            zoneDns.AddRange(ZoneDns(context, [hostName, .. host.CnameChain], ca, [hostName], UpstreamReason.Ocsp, unobserved));
        }

        return [.. delivery.Build(_ => false), .. zoneDns];
    }

    /// <summary>
    /// True when <paramref name="gap"/> is about <paramref name="name"/>: its target. A version 1 file's gaps have no
    /// target (and no kind); for them alone the old rule stands, a reason that names it.
    /// </summary>
    private static bool Concerns(Unobserved gap, string name) =>
        gap.Target is { } target
            ? string.Equals(target, name, StringComparison.OrdinalIgnoreCase)
            : gap.Kind == GapKind.NotClassified && gap.Reason.Contains(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>"private" when the provider itself runs it, "third-party" when another company does.</summary>
    private static Classification Relation(EntityRef owner, EntityRef providerOwner) =>
        owner.Id == providerOwner.Id ? Classification.Private : Classification.ThirdParty;

    /// <summary>The company a name belongs to by any host-name rule of the catalog (CNAME, OCSP, NS, MX), or null.</summary>
    private static Attributed? ZoneOwner(AttributionContext context, string zone) =>
        new[] { SignalKind.Cname, SignalKind.Ocsp, SignalKind.Ns, SignalKind.Mx }
            .Select(kind => context.Lookup.Find(kind, zone))
            .FirstOrDefault(match => match is not null);

    private static string Normalise(string name) => HostName.Normalize(name);
}
