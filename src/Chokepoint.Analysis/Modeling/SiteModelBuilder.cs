using Chokepoint.Analysis.Model;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Modeling;

/// <summary>
/// Turns an attributed report into the site's functions: what must work for the name to resolve, the pages to be
/// served, HTTPS to be trusted, mail to flow and each revenue path to pay, as AND/OR requirements over the
/// companies found. Companies are the ultimate owners, so two services of one group count as one company.
/// </summary>
public static class SiteModelBuilder
{
    /// <summary>Function ids, stable across versions (the report's <c>functions[].id</c>).</summary>
    public const string NameResolves = "name-resolves";
    public const string WebServed = "web-served";
    public const string HttpsTrusted = "https-trusted";
    public const string CertificateStatus = "certificate-status";
    public const string MailReceived = "mail-received";
    public const string MailSent = "mail-sent";
    public const string EmbeddedMedia = "embedded-media";
    public const string PageScripts = "page-scripts";

    /// <summary>Builds the model; functions whose suppliers were not observed at all are left out.</summary>
    public static SiteModel Build(AuditReport report)
    {
        var functions = new List<SiteFunction>();
        var registration = Dependencies(report, Layer.Registration).ToList();
        // A company in the delegation none of whose nameservers serves the zone (lame or unreachable) is no alternative.
        var dns = Alternatives(report, Layer.Dns, ServiceKind.Dns, excluded: ZoneServing.NotServing(Dependencies(report, Layer.Dns)));
        var nameParts = registration.Where(d => d.Service is ServiceKind.Registry or ServiceKind.Registrar).Select(d => Needs(d, Layer.Registration)).ToList();
        if (dns is not null)
        {
            nameParts.Add(dns);
        }

        if (nameParts.Count == 0)
        {
            return new SiteModel(report.Domain, functions);
        }

        var name = Requirement.All([.. nameParts]);
        functions.Add(new SiteFunction(NameResolves, "The name resolves", FunctionKind.Reachability, Importance.Critical, name));

        var cdn = Alternatives(report, Layer.Cdn, ServiceKind.Cdn);
        // Everything at the hosting layer serves pages: a cloud found by its network, or a platform (a shop, a site
        // builder) the site's names point at.
        var hosting = Alternatives(report, Layer.Hosting, service: null);
        var delivery = new List<Requirement> { name };
        if (cdn is not null)
        {
            delivery.Add(cdn);
        }

        if (hosting is not null)
        {
            delivery.Add(hosting);
        }

        var web = Requirement.All([.. delivery]);
        if (delivery.Count > 1)
        {
            functions.Add(new SiteFunction(WebServed, "Web pages are served", FunctionKind.Reachability, Importance.Critical, web));
        }

        if (Alternatives(report, Layer.Tls, ServiceKind.Ca, withUpstream: false) is { } ca)
        {
            functions.Add(new SiteFunction(HttpsTrusted, "HTTPS is trusted", FunctionKind.Trust, Importance.Critical, Requirement.All(web, ca)));
        }

        // The CA's OCSP responder and what it runs on: clients that insist on a fresh status answer refuse the site
        // without it; most browsers carry on (soft-fail), hence low importance.
        if (Dependencies(report, Layer.Tls).Any(d => d.Service == ServiceKind.Ca && d.DependsOn.Any(u => CompanyOf(u) != CompanyOf(d)))
            && Alternatives(report, Layer.Tls, ServiceKind.Ca) is { } status)
        {
            functions.Add(new SiteFunction(CertificateStatus, "Certificate status (OCSP) can be checked", FunctionKind.Trust, Importance.Low, status));
        }

        if (Alternatives(report, Layer.Mail, ServiceKind.Mail) is { } mail)
        {
            functions.Add(new SiteFunction(MailReceived, "Mail is received", FunctionKind.Mail, Importance.High, Requirement.All(name, mail)));
        }

        if (Alternatives(report, Layer.Mail, ServiceKind.MailSending) is { } sending)
        {
            functions.Add(new SiteFunction(MailSent, "Mail is sent through a provider", FunctionKind.Mail, Importance.Medium, sending));
        }

        foreach (var service in ServiceKinds.RevenuePaths)
        {
            // Every ad system of the site (ad networks and the exchanges of its ads.txt) earns for the one advertising
            // path: losing one of several degrades it, as the money layer's "redundant" says.
            if (Alternatives(report, Layer.Money, service, withUpstream: true, kind => kind.RevenuePathOf() == service) is { } revenue)
            {
                functions.Add(new SiteFunction(service.RevenueFunctionId(), RevenueName(service), FunctionKind.Revenue, Importance.High, Requirement.All(web, revenue)));
            }
        }

        var media = Dependencies(report, Layer.Page).Where(d => d.Service is ServiceKind.Video or ServiceKind.Audio).Select(d => Needs(d, Layer.Page)).ToList();
        if (media.Count > 0)
        {
            functions.Add(new SiteFunction(EmbeddedMedia, "Embedded video and audio play", FunctionKind.Content, Importance.Medium, Requirement.All([.. media])));
        }

        var blocking = Dependencies(report, Layer.Page)
            .Where(d => d.Facts?.PageUses?.Any(use => use is { Kind: ResourceKind.Script, Blocking: true }) == true)
            .Select(d => Needs(d, Layer.Page)).ToList();
        if (blocking.Count > 0)
        {
            functions.Add(new SiteFunction(PageScripts, "The page's blocking scripts load", FunctionKind.Content, Importance.Medium, Requirement.All([.. blocking])));
        }

        return new SiteModel(report.Domain, functions);
    }

    /// <summary>The company id the analysis counts: the ultimate owner.</summary>
    public static string CompanyOf(Dependency dependency) => (dependency.Owner ?? dependency.Entity).Id;

    private static string RevenueName(ServiceKind service) => service switch
    {
        ServiceKind.Ads => "Advertising revenue",
        ServiceKind.Affiliate => "Affiliate revenue",
        ServiceKind.Payments => "Payments are taken",
        ServiceKind.Donations => "Donations are received",
        ServiceKind.Membership => "Memberships are paid",
        ServiceKind.Crowdfunding => "Crowdfunding is received",
        ServiceKind.Ecommerce => "The shop sells",
        _ => service.ToWord(),
    };

    private static IEnumerable<Dependency> Dependencies(AuditReport report, Layer layer) =>
        report.Layers.Where(l => l.Layer == layer).SelectMany(l => l.Dependencies);

    /// <summary>
    /// Any() over the owners of one service at a layer (every service when <paramref name="service"/> is null, those
    /// <paramref name="serves"/> accepts when given; one
    /// owner: a plain requirement); null if none. With
    /// <paramref name="withUpstream"/>, each owner's branch also needs what that owner itself relies on
    /// (<see cref="Dependency.DependsOn"/>): All(provider, its DNS, ...). Companies in <paramref name="excluded"/> are
    /// left out.
    /// </summary>
    private static Requirement? Alternatives(
        AuditReport report, Layer layer, ServiceKind? service, bool withUpstream = true, Func<ServiceKind, bool>? serves = null, IReadOnlySet<string>? excluded = null)
    {
        var supplyLayer = layer;
        serves ??= kind => service is null || kind == service;
        var options = Dependencies(report, layer)
            .Where(d => serves(d.Service) && excluded?.Contains(CompanyOf(d)) != true)
            .GroupBy(CompanyOf, StringComparer.Ordinal)
            .Select(group => withUpstream ? NeedsWithUpstream(group.ToList(), supplyLayer) : Needs(group.First(), supplyLayer))
            .ToList();
        return options.Count switch
        {
            0 => null,
            1 => options[0],
            _ => Requirement.Any([.. options]),
        };
    }

    private static Requirement Needs(Dependency dependency, Layer layer) => Requirement.Needs(SupplierOf(dependency, layer, null));

    /// <summary>
    /// One company's branch: its own supplier, and everything its services rely on. The DNS operators of one zone
    /// are alternatives (Any); different zones, and the network behind a responder, are all needed.
    /// </summary>
    private static Requirement NeedsWithUpstream(List<Dependency> dependencies, Layer layer)
    {
        var direct = SupplierOf(dependencies[0], layer, null);
        var upstream = dependencies.SelectMany(d => d.DependsOn).ToList();
        var parts = new List<Requirement> { Requirement.Needs(direct) };
        // Mail gets through when any exchanger resolves, so the zones of a mail provider's exchangers are one group.
        string GroupOf(Dependency d) => d.Service != ServiceKind.Dns ? "needs:" + d.Service.ToWord() + ":" + CompanyOf(d)
            : layer == Layer.Mail ? "dns:exchangers"
            : "dns:" + d.Facts?.Upstream?.Zone;
        foreach (var group in upstream.GroupBy(GroupOf, StringComparer.Ordinal))
        {
            // A part the direct company can serve itself adds nothing: All(X, Any(X, Y)) breaks exactly when X does.
            if (group.Any(d => CompanyOf(d) == direct.CompanyId))
            {
                continue;
            }

            var options = group
                .GroupBy(CompanyOf, StringComparer.Ordinal)
                .Select(company => Requirement.Needs(SupplierOf(company.First(), LayerOf(company.First().Service, layer), direct)))
                .ToList();
            var part = options.Count == 1 ? options[0] : Requirement.Any([.. options]);
            if (!parts.Contains(part))
            {
                parts.Add(part);
            }
        }

        return parts.Count == 1 ? parts[0] : Requirement.All([.. parts]);
    }

    private static Supplier SupplierOf(Dependency dependency, Layer layer, Supplier? via)
    {
        var owner = dependency.Owner ?? dependency.Entity;
        return new Supplier(owner.Id, owner.Name, dependency.Service.ToWord(), layer, DetailOf(dependency, via is not null), via);
    }

    /// <summary>
    /// The supplier detail the model gives a dependency: its provider's name, and for an indirect one
    /// (<paramref name="indirect"/>) the zone it serves, e.g. "Amazon Route 53, zone cloudfront.net".
    /// </summary>
    public static string DetailOf(Dependency dependency, bool indirect)
    {
        var detail = dependency.Provider ?? dependency.Entity.Name;
        return indirect && dependency.Facts?.Upstream?.Zone is { } zone && !detail.EndsWith(zone, StringComparison.OrdinalIgnoreCase)
            ? $"{detail}, zone {zone}"
            : detail;
    }

    private static Layer LayerOf(ServiceKind service, Layer fallback) => service switch
    {
        ServiceKind.Dns => Layer.Dns,
        ServiceKind.Cdn => Layer.Cdn,
        ServiceKind.Hosting => Layer.Hosting,
        _ => fallback,
    };
}
