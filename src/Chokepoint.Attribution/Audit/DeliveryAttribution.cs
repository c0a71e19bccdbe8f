using System.Globalization;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// The hosting and CDN layers. Each address is attributed through its origin AS; CDNs are also found through
/// CNAME suffixes and response headers, so a CDN in front of a customer-owned name is still caught.
/// </summary>
public static class DeliveryAttribution
{
    private const ServiceKind CdnService = ServiceKind.Cdn;

    /// <summary>Builds the hosting and the CDN layer.</summary>
    public static (LayerReport Hosting, LayerReport Cdn) Attribute(AttributionContext context)
    {
        var hosting = new DependencyBuilder();
        var cdn = new DependencyBuilder();
        var sawOrigin = false;
        var edgeOnly = true;
        var observations = context.Observations;

        // The names outside the site each provider is reached through, for the DNS behind them.
        var upstreamNames = new Dictionary<(string EntityId, ServiceKind Service), (EntityRef Entity, List<string> Names, List<string> Hosts)>();
        void Reached(EntityRef provider, ServiceKind service, IEnumerable<string> names, string host)
        {
            var key = (provider.Id, service);
            if (!upstreamNames.TryGetValue(key, out var entry))
            {
                entry = (provider, [], []);
                upstreamNames[key] = entry;
            }

            var added = names.Where(name => !context.IsSiteOwned(name)).ToList();
            if (added.Count == 0)
            {
                return;
            }

            entry.Names.AddRange(added.Where(name => !entry.Names.Contains(name, StringComparer.OrdinalIgnoreCase)));
            if (!entry.Hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                entry.Hosts.Add(host);
            }
        }

        // A provider found by its network answers at the end of the chain; the names that another provider's CNAME
        // rule claims are that provider's, and their DNS is its dependency, not this one's.
        IEnumerable<string> NamesOf(EntityRef provider, IEnumerable<string> chain) =>
            chain.Where(name => context.Lookup.Find(SignalKind.Cname, name) is not { } claimed || claimed.Entity.Id == provider.Id);

        // The CDN each host name is seen to be behind, by its response headers: an address of that CDN's own company
        // (CloudFront's edge in Amazon's network) is its edge, not the site's hosting.
        var cdnByHeader = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var exchange in observations.Http)
        {
            if (!Uri.TryCreate(exchange.Url, UriKind.Absolute, out var exchangeUrl))
            {
                continue;
            }

            foreach (var (name, value) in exchange.Headers)
            {
                if (context.Lookup.Find(SignalKind.Header, $"{name}: {value}") is { Service: CdnService } viaHeader)
                {
                    if (!cdnByHeader.TryGetValue(exchangeUrl.Host, out var owners))
                    {
                        owners = new HashSet<string>(StringComparer.Ordinal);
                        cdnByHeader[exchangeUrl.Host] = owners;
                    }

                    owners.Add(viaHeader.Owner.Id);
                }
            }
        }

        foreach (var host in observations.Hosts.Where(host => host.Role is "apex" or "www" or "origin" or "page"))
        {
            var fronts = new HashSet<string>(cdnByHeader.GetValueOrDefault(host.Name) ?? [], StringComparer.Ordinal);
            for (var index = 0; index < host.CnameChain.Count; index++)
            {
                var target = host.CnameChain[index];
                var viaCname = context.Lookup.Find(SignalKind.Cname, target);
                if (viaCname is null)
                {
                    continue;
                }

                if (viaCname.Service == CdnService)
                {
                    fronts.Add(viaCname.Owner.Id);
                }

                var targetBuilder = viaCname.Service == CdnService ? cdn : hosting;
                targetBuilder.Add(viaCname, Classification.ThirdParty, HostFacts(new HostUse { Host = host.Name, Role = RoleOf(host.Role), CnameTarget = target }));
                Reached(viaCname.Entity, viaCname.Service, host.CnameChain.Skip(index), host.Name);
            }

            foreach (var address in host.Addresses)
            {
                var details = HostFacts(new HostUse { Host = host.Name, Role = RoleOf(host.Role), Address = AddressFacts.Of(address) });
                if (address.Asn is not { } asn)
                {
                    continue;
                }

                var viaAsn = context.Lookup.Find(SignalKind.Asn, asn.ToString(CultureInfo.InvariantCulture));
                if (viaAsn is not null && viaAsn.Service == CdnService)
                {
                    cdn.Add(viaAsn, Classification.ThirdParty, details);
                    Reached(viaAsn.Entity, CdnService, NamesOf(viaAsn.Entity, host.CnameChain), host.Name);
                    if (host.Role == "origin")
                    {
                        sawOrigin = true;
                    }

                    continue;
                }

                if (viaAsn is not null && host.Role != "origin" && fronts.Contains(viaAsn.Owner.Id))
                {
                    // The name points at a CDN (by CNAME or headers) and answers from that CDN's company's own network:
                    // the address is the CDN's edge, and the origin behind it is not seen.
                    continue;
                }

                edgeOnly = false;
                sawOrigin |= host.Role == "origin";
                if (viaAsn is not null)
                {
                    hosting.Add(viaAsn with { Service = ServiceKind.Hosting }, Classification.ThirdParty, details);
                    Reached(viaAsn.Entity, ServiceKind.Hosting, NamesOf(viaAsn.Entity, host.CnameChain), host.Name);
                }
                else
                {
                    var label = $"AS{asn.ToString(CultureInfo.InvariantCulture)} {address.AsOrganization}".Trim();
                    var unknown = EntityRef.Unknown(label);
                    hosting.Add(unknown, unknown, ServiceKind.Hosting, label, Classification.Unknown, new Evidence("asn", asn.ToString(CultureInfo.InvariantCulture)), details);
                    Reached(unknown, ServiceKind.Hosting, NamesOf(unknown, host.CnameChain), host.Name);
                }
            }
        }

        foreach (var exchange in observations.Http)
        {
            foreach (var (name, value) in exchange.Headers)
            {
                var viaHeader = context.Lookup.Find(SignalKind.Header, $"{name}: {value}");
                if (viaHeader is not null && viaHeader.Service == CdnService)
                {
                    cdn.Add(viaHeader, Classification.ThirdParty, HostFacts(new HostUse
                    {
                        Host = Uri.TryCreate(exchange.Url, UriKind.Absolute, out var url) ? url.Host : exchange.Url,
                        Role = HostRole.Response,
                        Url = exchange.Url,
                        Header = $"{name}: {value}",
                    }));
                }
            }
        }

        // Responses captured by a browser (HAR) for the site's own hosts carry the same CDN headers.
        foreach (var resource in observations.Page?.Resources ?? [])
        {
            if (resource.Headers is null || !context.IsSiteOwned(resource.Host))
            {
                continue;
            }

            foreach (var (name, value) in resource.Headers)
            {
                var viaHeader = context.Lookup.Find(SignalKind.Header, $"{name}: {value}");
                if (viaHeader is not null && viaHeader.Service == CdnService)
                {
                    cdn.Add(viaHeader, Classification.ThirdParty, HostFacts(new HostUse
                    {
                        Host = resource.Host,
                        Role = HostRole.Resource,
                        Url = resource.Url,
                        Header = $"{name}: {value}",
                    }));
                }
            }
        }

        var hostingUnobserved = GapLayers.For(observations, Layer.Hosting);
        var cdnUnobserved = GapLayers.For(observations, Layer.Cdn);
        var exposedOrigins = observations.Hosts
            .Where(host => host.Role == "origin")
            .SelectMany(host => host.Addresses.Where(address => address.Asn is not { } asn
                || context.Lookup.Find(SignalKind.Asn, asn.ToString(CultureInfo.InvariantCulture))?.Service != CdnService)
                .Select(address => new HostUse { Host = host.Name, Role = HostRole.Origin, Address = AddressFacts.Of(address) }))
            .ToList();

        // What each provider relies on (the DNS of the zones its CNAME targets live in) and, for a CDN, the origins
        // that answer around it.
        IReadOnlyList<Dependency> Complete(IReadOnlyList<Dependency> dependencies, List<UnobservedItem> unobserved, bool isCdn) =>
        [
            .. dependencies.Select(dependency =>
            {
                if (upstreamNames.TryGetValue((dependency.Entity.Id, dependency.Service), out var reached) && reached.Names.Count > 0)
                {
                    dependency = dependency with
                    {
                        DependsOn = UpstreamAttribution.ZoneDns(context, reached.Names, reached.Entity, reached.Hosts, UpstreamReason.Cname, unobserved),
                    };
                }

                return isCdn && exposedOrigins.Count > 0
                    ? dependency with { Facts = (dependency.Facts ?? new DependencyFacts()) with { ExposedOrigins = exposedOrigins } }
                    : dependency;
            }),
        ];

        var cdnDependencies = Complete(cdn.Build(), cdnUnobserved, isCdn: true);
        var hostingDependencies = Complete(hosting.Build(), hostingUnobserved, isCdn: false);
        if (edgeOnly && cdnDependencies.Count > 0 && !sawOrigin)
        {
            hostingUnobserved.Add(new UnobservedItem(UnobservedItem.HiddenOrigin,
                $"the origin is hidden behind {string.Join(" and ", cdnDependencies.Select(d => d.Entity.Name).Distinct())}; only the edge was seen"));
        }

        return (
            new LayerReport { Layer = Layer.Hosting, Dependencies = hostingDependencies, Unobserved = hostingUnobserved },
            new LayerReport { Layer = Layer.Cdn, Dependencies = cdnDependencies, Unobserved = cdnUnobserved });
    }

    private static DependencyFacts HostFacts(HostUse use) => new() { Hosts = [use] };

    /// <summary>The report's role for an observed host role ("apex", "www", "origin"...).</summary>
    internal static HostRole RoleOf(string role) => Vocabulary.TryParse<HostRole>(role, out var known) ? known : HostRole.Page;
}
