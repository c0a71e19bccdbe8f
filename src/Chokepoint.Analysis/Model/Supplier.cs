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
public sealed record Supplier(string CompanyId, string CompanyName, string Service, SupplyLayer Layer, string Detail = "")
{
    /// <summary>A one-line description, e.g. "cloudflare dns (ns1.example-dns.net)".</summary>
    public string Describe() =>
        string.IsNullOrEmpty(Detail) ? $"{CompanyId} {Service}" : $"{CompanyId} {Service} ({Detail})";
}
