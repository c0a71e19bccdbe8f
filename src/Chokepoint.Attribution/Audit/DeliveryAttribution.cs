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
    private const string CdnService = "cdn";

    /// <summary>Builds the hosting and the CDN layer.</summary>
    public static (LayerReport Hosting, LayerReport Cdn) Attribute(AttributionContext context)
    {
        var hosting = new DependencyBuilder();
        var cdn = new DependencyBuilder();
        var sawOrigin = false;
        var edgeOnly = true;
        var observations = context.Observations;

        // The names outside the site each provider is reached through, for the DNS behind them.
        var upstreamNames = new Dictionary<(string EntityId, string Service), (EntityRef Entity, List<string> Names, List<string> Hosts)>();
        void Reached(EntityRef provider, string service, IEnumerable<string> names, string host)
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

        foreach (var host in observations.Hosts.Where(host => host.Role is "apex" or "www" or "origin"))
        {
            for (var index = 0; index < host.CnameChain.Count; index++)
            {
                var target = host.CnameChain[index];
                var viaCname = context.Lookup.Find(SignalKind.Cname, target);
                if (viaCname is null)
                {
                    continue;
                }

                var targetBuilder = viaCname.Service == CdnService ? cdn : hosting;
                targetBuilder.Add(viaCname, Classification.ThirdParty, new Dictionary<string, string> { ["host:" + host.Name] = "CNAME " + target });
                Reached(viaCname.Entity, viaCname.Service, host.CnameChain.Skip(index), host.Name);
            }

            foreach (var address in host.Addresses)
            {
                var details = new Dictionary<string, string> { ["address:" + address.Ip] = host.Name };
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

                edgeOnly = false;
                sawOrigin |= host.Role == "origin";
                if (viaAsn is not null)
                {
                    hosting.Add(viaAsn with { Service = "hosting" }, Classification.ThirdParty, details);
                    Reached(viaAsn.Entity, "hosting", NamesOf(viaAsn.Entity, host.CnameChain), host.Name);
                }
                else
                {
                    var label = $"AS{asn.ToString(CultureInfo.InvariantCulture)} {address.AsOrganization}".Trim();
                    var unknown = EntityRef.Unknown(label);
                    hosting.Add(unknown, unknown, "hosting", label, Classification.Unknown, new Evidence("asn", asn.ToString(CultureInfo.InvariantCulture)), details);
                    Reached(unknown, "hosting", NamesOf(unknown, host.CnameChain), host.Name);
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
                    cdn.Add(viaHeader, Classification.ThirdParty, new Dictionary<string, string> { ["url:" + exchange.Url] = $"{name}: {value}" });
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
                    cdn.Add(viaHeader, Classification.ThirdParty, new Dictionary<string, string> { ["host:" + resource.Host] = $"{name}: {value}" });
                }
            }
        }

        var hostingUnobserved = GapLayers.For(observations, Layer.Hosting);
        var cdnUnobserved = GapLayers.For(observations, Layer.Cdn);
        var cdnDependencies = cdn.Build();
        var hostingDependencies = hosting.Build();
        foreach (var (dependencies, unobserved) in new[] { (cdnDependencies, cdnUnobserved), (hostingDependencies, hostingUnobserved) })
        {
            foreach (var dependency in dependencies)
            {
                if (upstreamNames.TryGetValue((dependency.Entity.Id, dependency.Service), out var reached) && reached.Names.Count > 0)
                {
                    var purpose = "CNAME target of " + string.Join(" and ", reached.Hosts);
                    dependency.DependsOn.AddRange(UpstreamAttribution.ZoneDns(context, reached.Names, reached.Entity, purpose, "cname", unobserved));
                }
            }
        }

        var exposedOrigins = observations.Hosts
            .Where(host => host.Role == "origin")
            .SelectMany(host => host.Addresses.Where(address => address.Asn is not { } asn
                || context.Lookup.Find(SignalKind.Asn, asn.ToString(CultureInfo.InvariantCulture))?.Service != CdnService)
                .Select(address => $"{host.Name} -> {address.Ip}" + (address.Asn is { } n ? $" (AS{n.ToString(CultureInfo.InvariantCulture)} {address.AsOrganization})" : "")))
            .ToList();
        if (cdnDependencies.Count > 0 && exposedOrigins.Count > 0)
        {
            foreach (var dependency in cdnDependencies)
            {
                dependency.Details["originExposed"] = "the origin answers outside the CDN: " + string.Join("; ", exposedOrigins)
                    + " (it can be attacked around the proxy, and it can serve readers directly if the CDN withdraws)";
            }
        }
        if (edgeOnly && cdnDependencies.Count > 0 && !sawOrigin)
        {
            hostingUnobserved.Add(new UnobservedItem("hosting.origin",
                $"the origin is hidden behind {string.Join(" and ", cdnDependencies.Select(d => d.Entity.Name).Distinct())}; only the edge was seen"));
        }

        return (
            new LayerReport { Layer = Layer.Hosting, Dependencies = hostingDependencies, Unobserved = hostingUnobserved },
            new LayerReport { Layer = Layer.Cdn, Dependencies = cdnDependencies, Unobserved = cdnUnobserved });
    }
}
