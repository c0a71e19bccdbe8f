using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.Dns.Wire;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.Demo;

public sealed class DemoWorldTests
{
    private readonly World.World _world = DemoWorld.Load();
    private readonly WorldLookup _lookup;

    public DemoWorldTests()
    {
        _lookup = new WorldLookup(_world);
    }

    [Fact]
    public void Embedded_demo_world_is_valid()
    {
        var result = WorldLoader.Parse(DemoWorld.Yaml, DemoWorld.SourceName);
        Assert.True(result.Success, result.Success ? "" : result.Describe());
    }

    [Fact]
    public void Lists_at_least_twelve_sites_each_a_registered_domain_with_a_zone_and_a_web_host()
    {
        Assert.True(DemoWorld.Sites.Count >= 12);
        var served = 0;
        foreach (var site in DemoWorld.Sites)
        {
            Assert.False(string.IsNullOrWhiteSpace(site.Description));
            if (_world.Domains.All(d => d.Name != site.Domain))
            {
                // A site made not to exist: under a registry of the world, so the registry can say so.
                Assert.Contains(_world.Registries, r => site.Domain.EndsWith("." + r.Tld, StringComparison.Ordinal));
                continue;
            }

            Assert.Contains(_world.Zones, z => z.Name == site.Domain);
            served += _world.WebHosts.Any(h => h.Host == site.Domain && h.Certificate is not null && h.Pages.Count > 0) ? 1 : 0;
        }

        Assert.True(served >= 12, $"only {served} demo sites serve pages");
    }

    [Fact]
    public void Every_nameserver_mx_host_cname_target_rdap_and_ocsp_host_resolves_to_loopback()
    {
        var names = new List<string>();
        names.AddRange(_world.DnsServices.SelectMany(s => s.NameServers).Select(n => n.Host));
        names.AddRange(_world.Registries.SelectMany(r => r.NameServers).Select(n => n.Host));
        names.AddRange(_world.Domains.SelectMany(d => d.NameServers));
        names.AddRange(_world.Registries.Select(r => r.RdapHost));
        names.AddRange(_world.Registrars.Select(r => r.RdapHost).OfType<string>());
        names.AddRange(_world.CertificateAuthorities.Select(c => c.OcspHost).OfType<string>());
        names.AddRange(_world.WebHosts.Select(h => h.Host));
        foreach (var zone in _world.Zones)
        {
            foreach (var record in zone.Records)
            {
                if (record.Type == "MX" && record.Data.Split(' ')[1] is var mx && mx != ".")
                {
                    names.Add(mx);
                }
                else if (record.Type == "CNAME")
                {
                    names.Add(record.Data);
                }
            }
        }

        var unresolved = names.Distinct().Where(n => _lookup.Addresses(n).Count == 0).ToList();
        Assert.Empty(unresolved);
        Assert.All(names.SelectMany(_lookup.Addresses), a => Assert.StartsWith("127.", a, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_record_parses_with_the_dns_servers_presentation_parser()
    {
        var failures = _world.Zones
            .SelectMany(z => z.Records.Select(r => (Zone: z.Name, Record: r)))
            .Where(x => !DnsPresentationParser.TryParse(x.Record.Type, x.Record.Data, x.Zone, out _, out _))
            .Select(x => $"{x.Zone} {x.Record.Name} {x.Record.Type} {x.Record.Data}")
            .ToList();
        Assert.Empty(failures);
    }

    [Fact]
    public void Site_a_has_registrar_dns_and_cdn_at_one_company()
    {
        var domain = Domain("onestack-demo.com");
        var registrar = _world.Registrars.Single(r => r.Id == domain.Registrar);
        Assert.Equal(1910, registrar.IanaId);
        Assert.All(domain.NameServers, ns => Assert.EndsWith(".ns.cloudflare.com", ns, StringComparison.Ordinal));
        Assert.All(domain.NameServers, ns => Assert.Equal(registrar.Company, _lookup.ServiceOfHost(ns).Company));
        var prefix = _lookup.PrefixOf(_lookup.Addresses("www.onestack-demo.com")[0]);
        Assert.Equal(13335, prefix!.Asn);
        Assert.Equal("CLOUDFLARENET", prefix.Organization);
        var web = Host("onestack-demo.com");
        Assert.Equal("cloudflare", web.Headers["server"]);
        Assert.True(web.Headers.ContainsKey("cf-ray"));
    }

    [Fact]
    public void Site_b_delegates_to_two_dns_services_of_different_companies()
    {
        var domain = Domain("twodns-demo.com");
        var services = domain.NameServers.Select(_lookup.ServiceOfHost).DistinctBy(s => s.Id).ToList();
        Assert.Equal(2, services.Count);
        Assert.NotEqual(services[0].Company, services[1].Company);
        Assert.Contains(domain.NameServers, ns => ns.EndsWith(".nsone.net", StringComparison.Ordinal));
        Assert.Contains(domain.NameServers, ns => ns.Contains(".awsdns-", StringComparison.Ordinal));
        Assert.Equal(services.Select(s => s.Id).Order(), Zone("twodns-demo.com").ServedBy.Order());
        Assert.EndsWith(".cloudfront.net", _lookup.CnameChain("www.twodns-demo.com")[0], StringComparison.Ordinal);
        Assert.True(Host("www.twodns-demo.com").Headers.ContainsKey("x-amz-cf-id"));
    }

    [Fact]
    public void Site_c_is_self_hosted_with_glue_on_its_own_asn()
    {
        var domain = Domain("selfhosted-demo.net");
        Assert.All(domain.NameServers, ns => Assert.EndsWith(".selfhosted-demo.net", ns, StringComparison.Ordinal));
        var asns = domain.NameServers.Select(ns => _lookup.PrefixOf(_lookup.Addresses(ns)[0])!.Asn)
            .Append(_lookup.PrefixOf(_lookup.Addresses("selfhosted-demo.net")[0])!.Asn).Distinct().ToList();
        Assert.Single(asns);
        Assert.DoesNotContain(asns[0], new[] { 13335, 16509, 15169, 24940, 14061, 16276 });
    }

    [Fact]
    public void Site_d_is_on_a_cctld_with_its_registry()
    {
        var registry = _world.Registries.Single(r => r.Tld == "fr");
        Assert.Equal("rdap.nic.fr", registry.RdapHost);
        Assert.Contains(_world.Domains, d => d.Name.EndsWith(".fr", StringComparison.Ordinal) && _world.Sites.Any(s => s.Domain == d.Name));
    }

    [Fact]
    public void Site_e_is_on_client_hold()
    {
        Assert.Contains("clientHold", Domain("onhold-demo.com").Status);
        Assert.DoesNotContain(_world.Domains.Where(d => d.Name != "onhold-demo.com"), d => d.Status.Contains("clientHold"));
    }

    [Fact]
    public void Site_f_lives_on_ad_networks_with_ads_txt_and_affiliate_links()
    {
        var host = Host("www.dailyledger-news.com");
        var html = string.Join("\n", host.Pages.Select(p => p.Body));
        Assert.Contains("pagead2.googlesyndication.com", html, StringComparison.Ordinal);
        Assert.Contains("securepubads.g.doubleclick.net", html, StringComparison.Ordinal);
        Assert.Contains("rubiconproject.com", html, StringComparison.Ordinal);
        Assert.Contains("amazon.com/dp/", html, StringComparison.Ordinal);
        Assert.Contains("tag=news-20", html, StringComparison.Ordinal);
        var adsTxt = host.Pages.Single(p => p.Path == "/ads.txt");
        Assert.StartsWith("text/plain", adsTxt.ContentType, StringComparison.Ordinal);
        Assert.Contains(", DIRECT,", adsTxt.Body, StringComparison.Ordinal);
        Assert.Contains(", RESELLER,", adsTxt.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_g_takes_donations_through_one_processor()
    {
        var donate = Host("openshelter-demo.org").Pages.Single(p => p.Path == "/donate");
        Assert.Contains("https://www.paypal.com/donate/", donate.Body, StringComparison.Ordinal);
        Assert.Contains(">Donate</a>", donate.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_h_is_a_shopify_shop()
    {
        Assert.Equal(["shops.myshopify.com"], _lookup.CnameChain("www.tinyteapot-shop.com"));
        var host = Host("tinyteapot-shop.com");
        Assert.True(host.Headers.ContainsKey("x-shopid"));
        Assert.True(host.Headers.ContainsKey("x-shopify-stage"));
        Assert.Contains("cdn.shopify.com", host.Pages[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_i_embeds_youtube_and_links_to_patreon()
    {
        var body = Host("pixelcraft-videos.com").Pages[0].Body;
        Assert.Contains("<iframe", body, StringComparison.Ordinal);
        Assert.Contains("https://www.youtube.com/embed/", body, StringComparison.Ordinal);
        Assert.Contains("https://www.patreon.com/pixelcraftvideos", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_j_has_only_google_workspace_mail()
    {
        var mx = _lookup.Records("quietharbor-consulting.com", "MX");
        Assert.NotEmpty(mx);
        Assert.All(mx, r => Assert.EndsWith("aspmx.l.google.com.", r.Data, StringComparison.Ordinal));
        Assert.Contains(_lookup.Records("quietharbor-consulting.com", "TXT"), r => r.Data.Contains("include:_spf.google.com", StringComparison.Ordinal));
        Assert.Contains("rua=mailto:", _lookup.Records("_dmarc.quietharbor-consulting.com", "TXT").Single().Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_k_allows_a_second_ca_in_caa()
    {
        var issuers = _lookup.Records("twoca-demo.com", "CAA").Where(r => r.Data.Contains(" issue ", StringComparison.Ordinal)).Select(r => r.Data).ToList();
        Assert.Contains("0 issue \"letsencrypt.org\"", issuers);
        Assert.Contains("0 issue \"digicert.com\"", issuers);
        Assert.Equal("digicert-g2", Host("twoca-demo.com").Certificate!.Issuer);
        Assert.Contains(_lookup.CnameChain("www.twoca-demo.com"), n => n.EndsWith(".edgekey.net", StringComparison.Ordinal));
        Assert.Equal("AkamaiGHost", Host("www.twoca-demo.com").Headers["server"]);
    }

    [Fact]
    public void Site_l_exposes_its_origin_behind_the_proxy()
    {
        Assert.Equal(13335, _lookup.PrefixOf(_lookup.Addresses("www.shieldedorigin-demo.com")[0])!.Asn);
        var origin = _lookup.Addresses("origin.shieldedorigin-demo.com");
        Assert.Equal(24940, _lookup.PrefixOf(origin[0])!.Asn);
        var originHost = Host("origin.shieldedorigin-demo.com");
        Assert.Contains("www.shieldedorigin-demo.com", originHost.Certificate!.SubjectAlternativeNames);
    }

    [Fact]
    public void Providers_carry_real_registrar_ids_and_asns()
    {
        Assert.Equal(146, _world.Registrars.Single(r => r.Id == "godaddy").IanaId);
        Assert.Equal(292, _world.Registrars.Single(r => r.Id == "markmonitor").IanaId);
        var asns = _world.AddressSpace.Select(p => p.Asn).ToHashSet();
        Assert.Superset(new HashSet<int> { 13335, 16509, 15169, 54113, 20940, 24940, 14061, 16276, 8075 }, asns);
        Assert.Contains(_world.Registries, r => r.Tld == "com" && r.NameServers.Any(n => n.Host == "a.gtld-servers.net"));
    }

    [Fact]
    public void Digicert_ocsp_host_is_served_by_edgecast_through_its_published_cname_chain()
    {
        Assert.Equal(
            ["ocsp.edge.digicert.com", "fp2e7a.wpc.2be4.phicdn.net", "fp2e7a.wpc.phicdn.net"],
            _lookup.CnameChain(_world.CertificateAuthorities.Single(c => c.Id == "digicert-g2").OcspHost!));
        var prefix = _lookup.PrefixOf(_lookup.Addresses("ocsp.digicert.com")[0])!;
        Assert.Equal(15133, prefix.Asn);
        Assert.Equal("EDGECAST", prefix.Organization);
        var edgecast = _world.DnsServices.Single(s => Zone("phicdn.net").ServedBy.Single() == s.Id);
        Assert.Equal("Edgio, Inc.", _world.Companies.Single(c => c.Id == edgecast.Company).Name);
        Assert.Contains(_world.Domains, d => d.Name == "phicdn.net");
    }

    [Fact]
    public void Shopify_zones_are_served_by_ns1_and_dnsimple()
    {
        foreach (var name in new[] { "shopify.com", "myshopify.com" })
        {
            Assert.Equal(["dnsimple", "ns1"], Zone(name).ServedBy.Order());
            var services = Domain(name).NameServers.Select(_lookup.ServiceOfHost).Select(s => s.Id).Distinct().Order();
            Assert.Equal(["dnsimple", "ns1"], services);
        }

        var dnsimple = _world.DnsServices.Single(s => s.Id == "dnsimple");
        Assert.Equal(
            ["ns1.dnsimple.com", "ns2.dnsimple-edge.net", "ns3.dnsimple.com", "ns4.dnsimple-edge.org"],
            dnsimple.NameServers.Select(n => n.Host));
    }

    private Domain Domain(string name) => _world.Domains.Single(d => d.Name == name);

    private Zone Zone(string name) => _world.Zones.Single(z => z.Name == name);

    private WebHost Host(string name) => _world.WebHosts.Single(h => h.Host == name);
}
