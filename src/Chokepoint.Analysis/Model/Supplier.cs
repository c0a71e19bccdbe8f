using Chokepoint.Model;

namespace Chokepoint.Analysis.Model;

/// <summary>
/// One thing a company supplies to the site, e.g. Cloudflare's authoritative DNS at <c>ns1.example-dns.net</c>.
/// Several suppliers may share a <see cref="CompanyId"/>; cutting that company removes all of them.
/// </summary>
/// <param name="CompanyId">Ultimate owning company, lowercase kebab case ("cloudflare", "amazon", "alphabet").</param>
/// <param name="CompanyName">Display name of the owning company.</param>
/// <param name="Service">
/// What is supplied: "registry", "registrar", "dns", "hosting", "cdn", "ca", "mail", "ads", "affiliate",
/// "payments", "donations", "membership", "video", "script-cdn" and so on.
/// </param>
/// <param name="Layer">The layer of the stack.</param>
/// <param name="Detail">The evidence that names the supplier, e.g. a nameserver or CNAME target.</param>
/// <param name="Via">
/// For an indirect dependency, the direct supplier that relies on this one (a CDN relying on its DNS provider);
/// null when the site itself uses this supplier.
/// </param>
public sealed record Supplier(string CompanyId, string CompanyName, string Service, Layer Layer, string Detail = "", Supplier? Via = null)
{
    /// <summary>True when the site reaches this supplier only through another one.</summary>
    public bool IsIndirect => Via is not null;

    /// <summary>
    /// A one-line description in the company's name, e.g. "Cloudflare, Inc. dns (ns1.example-dns.net)" or
    /// "Amazon.com, Inc. dns (cloudfront.net) behind Fastly, Inc. cdn"; the id stands in when there is no name.
    /// </summary>
    public string Describe()
    {
        var own = string.IsNullOrEmpty(Detail) ? $"{Name} {Service}" : $"{Name} {Service} ({Detail})";
        return Via is null ? own : $"{own} behind {Via.Name} {Via.Service}";
    }

    /// <summary>The owning company's display name, or its id when it has none.</summary>
    public string Name => string.IsNullOrWhiteSpace(CompanyName) ? CompanyId : CompanyName;
}
