namespace Chokepoint.Simulation.Generation;

/// <summary>
/// Every site's choices allocated by quota from a share set (see <see cref="WorldGenerator.Generate(int, int, ProviderShareSet?, CancellationToken)"/>).
/// The domain is left empty: the generator names the site.
/// </summary>
internal static class QuotaPlan
{
    /// <summary>Mixed into the seed so the plan's shuffles are not the draws that name the sites.</summary>
    private const int SeedSalt = 0x5EED;

    private static readonly string[] FrRegistrars = ["gandi", "ovh"];

    public static GeneratedSite[] Create(ProviderShareSet shares, int sites, int seed)
    {
        var random = new Random(seed ^ SeedSalt);
        var tld = QuotaAllocation.Allocate(shares.Table("tld"), sites, random);
        var dns = QuotaAllocation.Allocate(shares.Table("dns"), sites, random);
        var cdn = QuotaAllocation.Allocate(shares.Table("cdn"), sites, random);
        var ca = QuotaAllocation.Allocate(shares.Table("ca"), sites, random);
        var mail = QuotaAllocation.Allocate(shares.Table("mail"), sites, random);
        var registrar = QuotaAllocation.Allocate(shares.Table("registrar"), sites, random);

        // Hosting shares are of the sites whose pages the hoster serves (no CDN); behind a CDN the hosting choice only
        // places self-run name and mail servers, and is allocated by the same shares over those sites.
        var hosting = new string[sites];
        foreach (var behindCdn in new[] { false, true })
        {
            var indices = Enumerable.Range(0, sites).Where(i => (cdn[i] != "none") == behindCdn).ToList();
            var allocated = QuotaAllocation.Allocate(shares.Table("hosting"), indices.Count, random);
            for (var k = 0; k < indices.Count; k++)
            {
                hosting[indices[k]] = allocated[k];
            }
        }

        RepairRegistrars(registrar, tld, dns);
        return [.. Enumerable.Range(0, sites).Select(i => new GeneratedSite("", tld[i], registrar[i], dns[i], cdn[i], hosting[i], ca[i], mail[i]))];
    }

    /// <summary>Whether <paramref name="registrar"/> can register a site with this TLD and DNS.</summary>
    private static bool Serves(string registrar, string tld, string dns) =>
        (tld != "fr" || FrRegistrars.Contains(registrar, StringComparer.Ordinal))
        && (registrar != "cloudflare-registrar" || dns == "cloudflare");

    /// <summary>
    /// Swaps each registrar that cannot serve its site with a later site's that can, both ways, so the counts stay;
    /// when there is no such site, the registrar is replaced (Gandi for <c>.fr</c>, else Namecheap) and no more swaps
    /// are searched, which keeps the work linear when the shares make swaps impossible.
    /// </summary>
    private static void RepairRegistrars(string[] registrar, string[] tld, string[] dns)
    {
        var n = registrar.Length;
        var searching = true;
        for (var i = 0; i < n; i++)
        {
            if (Serves(registrar[i], tld[i], dns[i]))
            {
                continue;
            }

            var swapped = false;
            for (var step = 1; searching && step < n; step++)
            {
                var j = (i + step) % n;
                if (Serves(registrar[j], tld[i], dns[i]) && Serves(registrar[i], tld[j], dns[j]))
                {
                    (registrar[i], registrar[j]) = (registrar[j], registrar[i]);
                    swapped = true;
                    break;
                }
            }

            if (!swapped)
            {
                searching = false;
                registrar[i] = tld[i] == "fr" ? "gandi" : "namecheap";
                if (!Serves(registrar[i], tld[i], dns[i]))
                {
                    registrar[i] = "gandi";
                }
            }
        }
    }
}
