namespace Chokepoint.Simulation.Generation;

/// <summary>
/// Weighted choices for generated sites, roughly as measured for the top 100K sites
/// (Kashaf et al., IMC 2020; see /shared/reference/MEASUREMENT.md): Cloudflare about a third of DNS, Route 53 about
/// a sixth, GoDaddy 6%; about a third of sites behind a CDN; DigiCert and Let's Encrypt the leading CAs.
/// Ids refer to the services, CAs and registrars of the demo world, which the generator builds on.
/// </summary>
internal static class ProviderShares
{
    /// <summary>The id of a self-hosted DNS choice (the site runs ns1/ns2 under its own name).</summary>
    public const string SelfHosted = "self";

    /// <summary>The id of the two-provider DNS choice (NS1 and Route 53 serve the zone together).</summary>
    public const string DualDns = "ns1+route53";

    public static readonly (string Id, int Weight)[] Dns =
    [
        ("cloudflare", 32), ("route53", 16), ("godaddy", 6), ("namecheap", 6), ("google-cloud-dns", 5), ("azure-dns", 4),
        ("digitalocean", 4), ("akamai-edge-dns", 3), ("ns1", 3), ("hetzner", 3), ("ovh-dns", 3), ("gandi-livedns", 3),
        ("hover", 2), (DualDns, 2), (SelfHosted, 8),
    ];

    /// <summary>CDN in front of the site, or "none".</summary>
    public static readonly (string Id, int Weight)[] Cdn =
    [
        ("cloudfront", 10), ("cloudflare", 12), ("akamai", 6), ("fastly", 4), ("none", 68),
    ];

    /// <summary>Hosting company (address prefix key) for sites without a CDN.</summary>
    public static readonly (string Id, int Weight)[] Hosting =
    [
        ("amazon", 25), ("google", 10), ("microsoft", 10), ("digitalocean", 15), ("hetzner", 12), ("ovh", 10),
        ("godaddy", 8), ("squarespace", 5), ("shopify", 5),
    ];

    public static readonly (string Id, int Weight)[] CertificateAuthorities =
    [
        ("digicert-g2", 30), ("letsencrypt-r11", 25), ("letsencrypt-e5", 10), ("gts-wr1", 12), ("sectigo-dv", 10),
        ("globalsign-dv", 5), ("amazon-m02", 8),
    ];

    public static readonly (string Id, int Weight)[] Registrars =
    [
        ("godaddy", 30), ("namecheap", 15), ("tucows", 10), ("squarespace", 10), ("cloudflare-registrar", 10),
        ("markmonitor", 8), ("gandi", 7), ("ovh", 5),
    ];

    public static readonly (string Id, int Weight)[] Tlds = [("com", 75), ("org", 10), ("net", 10), ("fr", 5)];

    /// <summary>Mail: "google", "microsoft", "self" (mx under the site's own name) or "none".</summary>
    public static readonly (string Id, int Weight)[] Mail = [("google", 35), ("microsoft", 25), ("self", 20), ("none", 20)];

    /// <summary>Picks from a weighted table with one draw of <paramref name="random"/>.</summary>
    public static string Pick(Random random, (string Id, int Weight)[] table)
    {
        var total = 0;
        foreach (var (_, weight) in table)
        {
            total += weight;
        }

        var roll = random.Next(total);
        foreach (var (id, weight) in table)
        {
            if (roll < weight)
            {
                return id;
            }

            roll -= weight;
        }

        return table[^1].Id;
    }
}
