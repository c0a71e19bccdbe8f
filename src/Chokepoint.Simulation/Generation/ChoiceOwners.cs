namespace Chokepoint.Simulation.Generation;

/// <summary>
/// The company an outside-in audit names for each generator choice: the owning company's id in the provider catalog
/// (src/Chokepoint.Attribution/Catalog/Data, the entity's ultimate parent, as a report's dependency gives it as owner,
/// or the entity itself when it has none). Each entry was observed by auditing generated sites, and the known-truth
/// scan test checks every one again: a catalog change that moves a company shows there.
/// </summary>
public static class ChoiceOwners
{
    /// <summary>TLD to its registry's owner (com and net: Verisign; org: PIR, owned by ISOC; fr: AFNIC).</summary>
    public static IReadOnlyDictionary<string, string> Registry { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["com"] = "verisign", ["net"] = "verisign", ["org"] = "isoc", ["fr"] = "afnic",
    };

    /// <summary>Registrar choice to owner (Gandi is owned by your.online; OVH is catalogued as ovhcloud).</summary>
    public static IReadOnlyDictionary<string, string> Registrar { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["godaddy"] = "godaddy", ["namecheap"] = "namecheap", ["tucows"] = "tucows", ["squarespace"] = "squarespace",
        ["cloudflare-registrar"] = "cloudflare", ["markmonitor"] = "markmonitor", ["gandi"] = "your-online", ["ovh"] = "ovhcloud",
    };

    /// <summary>DNS choice to the owners of its providers (two for the dual choice; none when self-hosted).</summary>
    public static IReadOnlyDictionary<string, string[]> Dns { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cloudflare"] = ["cloudflare"], ["route53"] = ["amazon"], ["godaddy"] = ["godaddy"], ["namecheap"] = ["namecheap"],
        ["google-cloud-dns"] = ["alphabet"], ["azure-dns"] = ["microsoft"], ["digitalocean"] = ["digitalocean"],
        ["akamai-edge-dns"] = ["akamai"], ["ns1"] = ["ibm"], ["hetzner"] = ["hetzner"], ["ovh-dns"] = ["ovhcloud"],
        ["gandi-livedns"] = ["your-online"], ["hover"] = ["tucows"], [ProviderShares.DualDns] = ["ibm", "amazon"],
        [ProviderShares.SelfHosted] = [],
    };

    /// <summary>CDN choice to owner; <c>none</c> has none.</summary>
    public static IReadOnlyDictionary<string, string[]> Cdn { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cloudfront"] = ["amazon"], ["cloudflare"] = ["cloudflare"], ["akamai"] = ["akamai"], ["fastly"] = ["fastly"], ["none"] = [],
    };

    /// <summary>Hosting choice (of a site with no CDN) to owner.</summary>
    public static IReadOnlyDictionary<string, string> Hosting { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["amazon"] = "amazon", ["google"] = "alphabet", ["microsoft"] = "microsoft", ["digitalocean"] = "digitalocean",
        ["hetzner"] = "hetzner", ["ovh"] = "ovhcloud", ["godaddy"] = "godaddy", ["squarespace"] = "squarespace", ["shopify"] = "shopify",
    };

    /// <summary>
    /// The CDN a hosting platform fronts its sites with: Shopify's storefront addresses are announced by Cloudflare's
    /// network in the world, as they are in reality.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HostingFront { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["shopify"] = "cloudflare",
    };

    /// <summary>CA choice to owner (Let's Encrypt is ISRG; GlobalSign is owned by GMO Internet).</summary>
    public static IReadOnlyDictionary<string, string> Ca { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["digicert-g2"] = "digicert", ["letsencrypt-r11"] = "isrg", ["letsencrypt-e5"] = "isrg", ["gts-wr1"] = "alphabet",
        ["sectigo-dv"] = "sectigo", ["globalsign-dv"] = "gmo-internet", ["amazon-m02"] = "amazon",
    };

    /// <summary>Mail choice to owner; <c>self</c> (the site's own mail server) and <c>none</c> have none.</summary>
    public static IReadOnlyDictionary<string, string[]> Mail { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["google"] = ["alphabet"], ["microsoft"] = ["microsoft"], ["self"] = [], ["none"] = [],
    };
}
