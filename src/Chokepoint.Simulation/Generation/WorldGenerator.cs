using System.Globalization;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Generation;

/// <summary>
/// Generates large worlds for scale tests and benchmarks: the providers, registries and CAs of the demo world,
/// plus <c>sites</c> generated sites whose DNS host, CDN, hosting, CA, registrar and mail follow measured market
/// shares (<see cref="ProviderShares"/>). Deterministic for a seed. Sites share a bounded pool of addresses per
/// provider (as they do in reality), so the servers bind at most a few hundred addresses whatever the size.
/// Work and memory are linear in the number of sites.
/// </summary>
public static class WorldGenerator
{
    /// <summary>Addresses in each provider's pool (third octet 200 of its /16).</summary>
    public const int PoolSize = 16;

    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CertificateStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Words =
    [
        "amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "iris", "juniper", "kestrel", "lumen",
        "maple", "nimbus", "orchid", "pebble", "quartz", "raven", "sable", "tidal", "umber", "vale", "willow", "zephyr",
    ];

    /// <summary>Second octet of each provider's /16 in the demo world.</summary>
    private static readonly Dictionary<string, int> PrefixOctet = new(StringComparer.Ordinal)
    {
        ["cloudflare"] = 13, ["amazon"] = 16, ["google"] = 15, ["fastly"] = 54, ["akamai"] = 20, ["hetzner"] = 24,
        ["digitalocean"] = 14, ["ovh"] = 62, ["microsoft"] = 80, ["godaddy"] = 26, ["squarespace"] = 53, ["shopify"] = 38,
    };

    /// <summary>
    /// A world with <paramref name="sites"/> generated sites (plus the demo world's providers, without its sites).
    /// The same <paramref name="seed"/> gives the same world.
    /// </summary>
    public static World.World Generate(int sites, int seed) => Generate(sites, seed, CancellationToken.None);

    /// <summary>
    /// As <see cref="Generate(int, int)"/>, stopping with <see cref="OperationCanceledException"/> soon after
    /// <paramref name="cancellationToken"/> is cancelled (it is checked every few hundred sites).
    /// </summary>
    public static World.World Generate(int sites, int seed, CancellationToken cancellationToken) =>
        Generate(sites, seed, null, cancellationToken).World;

    /// <summary>
    /// A world with <paramref name="sites"/> generated sites and what was chosen for each. Without
    /// <paramref name="shares"/> each site's choices are drawn by dice from the default weights (the world of
    /// <see cref="Generate(int, int)"/>); with them, each choice gets exactly its largest-remainder share of the sites
    /// (<see cref="QuotaAllocation"/>), in an order shuffled by <paramref name="seed"/>. Hosting shares are then of the
    /// sites not behind a CDN. A registrar that cannot serve a site (a <c>.fr</c> name needs Gandi or OVH; Cloudflare
    /// Registrar needs Cloudflare DNS) is swapped with another site's, which keeps the registrar counts; only when no
    /// swap exists is it replaced, and the returned choices say what was used.
    /// </summary>
    public static GeneratedWorld Generate(int sites, int seed, ProviderShareSet? shares, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sites);
        var world = ProvidersOnly(DemoWorld.Load());
        world.Name = string.Create(CultureInfo.InvariantCulture, $"generated-{sites}-{seed}");
        var context = new Context(world, new Random(seed));
        var plan = shares is null ? null : QuotaPlan.Create(shares, sites, seed);
        context.AddPools();
        world.Domains.Capacity = world.Domains.Count + sites;
        world.Zones.Capacity = world.Zones.Count + sites;
        world.WebHosts.Capacity = world.WebHosts.Count + (2 * sites);
        world.Sites.Capacity = sites;
        var chosen = new List<GeneratedSite>(sites);
        for (var i = 0; i < sites; i++)
        {
            if (i % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            chosen.Add(context.AddSite(i, plan?[i]));
        }

        return new GeneratedWorld(world, chosen, shares);
    }

    /// <summary>Removes the demo's sites (their domains, zones, web hosts and the self-hosted site's service).</summary>
    private static World.World ProvidersOnly(World.World world)
    {
        var siteDomains = world.Sites.Select(s => s.Domain).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool InSite(string name) => siteDomains.Any(d => name.Equals(d, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
        world.Domains.RemoveAll(d => InSite(d.Name));
        world.Zones.RemoveAll(z => InSite(z.Name));
        world.WebHosts.RemoveAll(h => InSite(h.Host));
        world.DnsServices.RemoveAll(s => s.NameServers.Any(n => InSite(n.Host)));
        world.Faults.Clear();
        world.Sites.Clear();
        return world;
    }

    private static string Address(string provider, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"127.{PrefixOctet[provider]}.200.{index + 1}");

    private sealed class Context(World.World world, Random random)
    {
        private readonly Dictionary<string, Zone> _zones = world.Zones.ToDictionary(z => z.Name, StringComparer.Ordinal);
        private readonly Dictionary<string, DnsService> _services = world.DnsServices.ToDictionary(s => s.Id, StringComparer.Ordinal);

        /// <summary>Shared CDN names: Akamai edge hosts and Fastly's shared name, with pooled addresses.</summary>
        public void AddPools()
        {
            for (var i = 0; i < PoolSize; i++)
            {
                _zones["akamaiedge.net"].Records.Add(Record(string.Create(CultureInfo.InvariantCulture, $"e{9000 + i}.a"), "A", Address("akamai", i)));
                _zones["fastly.net"].Records.Add(Record("dualstack.n.sni.global", "A", Address("fastly", i)));
            }
        }

        /// <summary>Adds one site: by dice when <paramref name="planned"/> is null, else with its planned choices.</summary>
        public GeneratedSite AddSite(int index, GeneratedSite? planned)
        {
            var tld = planned?.Tld ?? ProviderShares.Pick(random, ProviderShares.Tlds);
            var name = string.Create(
                CultureInfo.InvariantCulture,
                $"{Words[random.Next(Words.Length)]}-{Words[random.Next(Words.Length)]}-{index:D6}.{tld}");
            string dns, cdn, hosting, ca, mail, registrar;
            if (planned is null)
            {
                dns = ProviderShares.Pick(random, ProviderShares.Dns);
                cdn = ProviderShares.Pick(random, ProviderShares.Cdn);
                hosting = ProviderShares.Pick(random, ProviderShares.Hosting);
                ca = ProviderShares.Pick(random, ProviderShares.CertificateAuthorities);
                mail = ProviderShares.Pick(random, ProviderShares.Mail);
                registrar = tld == "fr" ? (random.Next(2) == 0 ? "gandi" : "ovh") : ProviderShares.Pick(random, ProviderShares.Registrars);
                if (registrar == "cloudflare-registrar" && dns != "cloudflare")
                {
                    // Cloudflare Registrar only serves domains that use Cloudflare DNS.
                    registrar = "namecheap";
                }
            }
            else
            {
                (dns, cdn, hosting, ca, mail, registrar) = (planned.Dns, planned.Cdn, planned.Hosting, planned.Ca, planned.Mail, planned.Registrar);
            }

            // Platforms do not host customers' own nameservers or mail servers; self-run servers sit at a hoster.
            var server = hosting is "shopify" or "squarespace" or "godaddy" ? "hetzner" : hosting;
            var created = Epoch.AddDays(random.Next(365 * 25));
            var slot = random.Next(PoolSize);

            var zone = new Zone { Name = name };
            var domain = new Domain
            {
                Name = name,
                Registrar = registrar,
                Created = created,
                Expires = new DateTimeOffset(2028 + random.Next(5), created.Month, Math.Min(created.Day, 28), 0, 0, 0, TimeSpan.Zero),
            };
            AddDns(dns, zone, domain, server, slot);
            var headers = AddWeb(cdn, hosting, zone, name, slot);
            AddMail(mail, zone, name, server, slot);

            world.Domains.Add(domain);
            world.Zones.Add(zone);
            var certificate = new SiteCertificate
            {
                Issuer = ca,
                SubjectAlternativeNames = [name, "www." + name],
                NotBefore = CertificateStart,
                NotAfter = CertificateStart.AddYears(10),
            };
            world.WebHosts.Add(new WebHost
            {
                Host = name,
                Certificate = certificate,
                Headers = headers,
                Pages = [new Page { Path = "/", Body = PageBody(name) }],
            });

            // Every generated zone publishes www (to the CDN's edge or the apex), so www has a web host of its own:
            // the same certificate and front, redirecting to the apex as most sites' www does.
            world.WebHosts.Add(new WebHost
            {
                Host = "www." + name,
                Certificate = certificate,
                Headers = new Dictionary<string, string>(headers, StringComparer.Ordinal),
                Pages = [new Page { Path = "/", Status = 301, Redirect = "https://" + name + "/" }],
            });
            world.Sites.Add(new SiteInfo
            {
                Domain = name,
                Description = $"generated: dns {dns}, cdn {cdn}, hosting {(cdn == "none" ? hosting : cdn)}, ca {ca}, mail {mail}",
            });
            return new GeneratedSite(name, tld, registrar, dns, cdn, hosting, ca, mail);
        }

        private void AddDns(string dns, Zone zone, Domain domain, string hosting, int slot)
        {
            if (dns == ProviderShares.SelfHosted)
            {
                // The site's own nameservers, on two addresses of its hosting provider's pool (glue at the parent).
                var company = new Company { Id = "self-" + zone.Name, Name = zone.Name };
                world.Companies.Add(company);
                var service = new DnsService
                {
                    Id = company.Id,
                    Company = company.Id,
                    NameServers =
                    [
                        new NameServer { Host = "ns1." + zone.Name, Addresses = [Address(hosting, slot)] },
                        new NameServer { Host = "ns2." + zone.Name, Addresses = [Address(hosting, (slot + 1) % PoolSize)] },
                    ],
                };
                world.DnsServices.Add(service);
                zone.ServedBy.Add(service.Id);
                foreach (var ns in service.NameServers)
                {
                    zone.Records.Add(Record(ns.Host[..ns.Host.IndexOf('.', StringComparison.Ordinal)], "A", ns.Addresses[0]));
                }
            }
            else if (dns == ProviderShares.DualDns)
            {
                zone.ServedBy.AddRange(["ns1", "route53"]);
            }
            else
            {
                zone.ServedBy.Add(dns);
            }

            domain.NameServers = [.. zone.ServedBy.SelectMany(id => _services.TryGetValue(id, out var s) ? s.NameServers.Take(2) : [])
                .Select(n => n.Host)];
            if (dns == ProviderShares.SelfHosted)
            {
                domain.NameServers = ["ns1." + zone.Name, "ns2." + zone.Name];
            }
        }

        private Dictionary<string, string> AddWeb(string cdn, string hosting, Zone zone, string name, int slot)
        {
            var id = random.Next(0x10000000, int.MaxValue).ToString("x8", CultureInfo.InvariantCulture);
            switch (cdn)
            {
                case "cloudflare":
                    zone.Records.Add(Record("@", "A", Address("cloudflare", slot)));
                    zone.Records.Add(Record("www", "A", Address("cloudflare", slot)));
                    return new(StringComparer.Ordinal) { ["server"] = "cloudflare", ["cf-ray"] = id + "a1b2c3d4-FRA" };
                case "cloudfront":
                    var distribution = "d" + id + "x" + zone.Name.Length.ToString(CultureInfo.InvariantCulture);
                    _zones["cloudfront.net"].Records.Add(Record(distribution, "A", Address("amazon", slot)));
                    zone.Records.Add(Record("@", "A", Address("amazon", slot)));
                    zone.Records.Add(Record("www", "CNAME", distribution + ".cloudfront.net."));
                    return new(StringComparer.Ordinal) { ["x-amz-cf-id"] = id + "Qx==", ["x-amz-cf-pop"] = "FRA56-P5", ["via"] = "1.1 " + id + ".cloudfront.net (CloudFront)" };
                case "akamai":
                    var edge = string.Create(CultureInfo.InvariantCulture, $"e{9000 + slot}.a.akamaiedge.net.");
                    _zones["edgekey.net"].Records.Add(Record("www." + name, "CNAME", edge));
                    zone.Records.Add(Record("@", "A", Address("akamai", slot)));
                    zone.Records.Add(Record("www", "CNAME", "www." + name + ".edgekey.net."));
                    return new(StringComparer.Ordinal) { ["server"] = "AkamaiGHost" };
                case "fastly":
                    zone.Records.Add(Record("@", "A", Address("fastly", slot)));
                    zone.Records.Add(Record("www", "CNAME", "dualstack.n.sni.global.fastly.net."));
                    return new(StringComparer.Ordinal) { ["x-served-by"] = "cache-fra-" + id + "-FRA", ["via"] = "1.1 varnish" };
                default:
                    zone.Records.Add(Record("@", "A", Address(hosting, slot)));

                    // A Shopify store's www points at the platform's shared name, as the platform tells its shops to.
                    zone.Records.Add(Record("www", "CNAME", hosting == "shopify" ? "shops.myshopify.com." : name + "."));
                    return hosting == "shopify"
                        ? new(StringComparer.Ordinal) { ["server"] = "cloudflare", ["x-shopify-stage"] = "production", ["x-shopid"] = id }
                        : new(StringComparer.Ordinal) { ["server"] = "nginx" };
            }
        }

        private void AddMail(string mail, Zone zone, string name, string hosting, int slot)
        {
            switch (mail)
            {
                case "google":
                    zone.Records.Add(Record("@", "MX", "1 aspmx.l.google.com."));
                    zone.Records.Add(Record("@", "MX", "5 alt1.aspmx.l.google.com."));
                    zone.Records.Add(Record("@", "TXT", "\"v=spf1 include:_spf.google.com ~all\""));
                    break;
                case "microsoft":
                    var tenant = name.Replace('.', '-') + ".mail.protection";
                    _zones["outlook.com"].Records.Add(Record(tenant, "A", Address("microsoft", slot)));
                    zone.Records.Add(Record("@", "MX", "0 " + tenant + ".outlook.com."));
                    zone.Records.Add(Record("@", "TXT", "\"v=spf1 include:spf.protection.outlook.com -all\""));
                    break;
                case "self":
                    zone.Records.Add(Record("mx", "A", Address(hosting, slot)));
                    zone.Records.Add(Record("@", "MX", "10 mx." + name + "."));
                    break;
                default:
                    zone.Records.Add(Record("@", "MX", "0 ."));
                    break;
            }
        }

        private static string PageBody(string name) =>
            $"<!doctype html>\n<html><head><title>{name}</title></head><body><h1>{name}</h1><p>A generated site.</p></body></html>\n";

        private static ResourceRecord Record(string name, string type, string data) => new() { Name = name, Type = type, Data = data };
    }
}
