using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.Web;

/// <summary>Builds small worlds in code for the web, PKI, RDAP and ASN tests.</summary>
internal static class TestWorld
{
    public static readonly DateTimeOffset Created = new(2001, 5, 17, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Expires = new(2031, 5, 17, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Updated = new(2024, 2, 1, 8, 30, 0, TimeSpan.Zero);

    public const string ShopHost = "shop.test";
    public const string WwwHost = "www.shop.test";
    public const string BlogHost = "blog.example";
    public const string ShopAddress = "127.10.0.1";
    public const string CdnAddress = "127.20.0.5";
    public const string BlogAddress = "127.30.0.9";

    public static World.World Create()
    {
        var now = DateTimeOffset.UtcNow;
        var world = new World.World
        {
            Name = "test-world",
            Companies =
            {
                new Company { Id = "reg-co", Name = "Test Registry Services" },
                new Company { Id = "rar-co", Name = "Names, Inc." },
                new Company { Id = "cdn-co", Name = "Edge Cloud" },
                new Company { Id = "ca-co", Name = "Simulated Trust" },
            },
            Registries =
            {
                new Registry { Tld = "test", Operator = "reg-co", RdapHost = "rdap.nic.test", NameServers = { new NameServer { Host = "a.nic.test", Addresses = ["127.54.0.1"] } } },
                new Registry { Tld = "example", Operator = "reg-co", RdapHost = "rdap.nic.example", NameServers = { new NameServer { Host = "a.nic.example", Addresses = ["127.54.0.2"] } } },
            },
            DnsServices =
            {
                new DnsService
                {
                    Id = "dns-co",
                    Company = "cdn-co",
                    NameServers =
                    {
                        new NameServer { Host = "ns1.dns.example", Addresses = ["127.53.0.1"] },
                        new NameServer { Host = "ns2.dns.example", Addresses = ["127.53.0.2"] },
                    },
                },
            },
            Registrars =
            {
                new Registrar { Id = "names", Name = "Names, Inc.", IanaId = 1234, Company = "rar-co", AbuseEmail = "abuse@names.example", RdapHost = "rdap.names.example" },
                new Registrar { Id = "plain", Name = "Plain Registrar", IanaId = 99, Company = "rar-co" },
            },
            AddressSpace =
            {
                new AddressPrefix { Prefix = "127.10.0.0/16", Asn = 64500, Organization = "SHOP-HOSTING" },
                new AddressPrefix { Prefix = "127.20.0.0/16", Asn = 64501, Organization = "Edge Cloud, Inc." },
                new AddressPrefix { Prefix = "127.20.5.0/24", Asn = 64502, Organization = "EDGE \"SPECIAL\"" },
                new AddressPrefix { Prefix = "::1/128", Asn = 64503, Organization = "LOOPBACK6" },
            },
            CertificateAuthorities =
            {
                new CertificateAuthority { Id = "simtrust", Company = "ca-co", Organization = "Simulated Trust", CommonName = "Simulated Trust ECC CA 1", OcspHost = "ocsp.simtrust.example" },
                new CertificateAuthority { Id = "quiet", Company = "ca-co", Organization = "Quiet CA", CommonName = "Quiet CA R1" },
            },
            Domains =
            {
                new Domain { Name = "shop.test", Registrar = "names", Status = ["clientTransferProhibited", "clientDeleteProhibited"], Created = Created, Expires = Expires, Updated = Updated, NameServers = ["ns1.dns.example", "ns2.dns.example"], Ds = true },
                new Domain { Name = "held.test", Registrar = "plain", Status = ["clientHold"], Created = Created, Expires = Expires, NameServers = ["ns1.dns.example"] },
                new Domain { Name = "blog.example", Registrar = "plain", Status = ["ok"], Created = Created, Expires = Expires, NameServers = ["ns1.dns.example"] },
            },
            Zones =
            {
                new Zone
                {
                    Name = "shop.test",
                    ServedBy = ["dns-co"],
                    Records =
                    {
                        new ResourceRecord { Name = "@", Type = "A", Data = ShopAddress },
                        new ResourceRecord { Name = "www", Type = "CNAME", Data = "shop.edge.example." },
                    },
                },
                new Zone
                {
                    Name = "edge.example",
                    ServedBy = ["dns-co"],
                    Records = { new ResourceRecord { Name = "shop", Type = "A", Data = CdnAddress } },
                },
                new Zone
                {
                    Name = "blog.example",
                    ServedBy = ["dns-co"],
                    Records = { new ResourceRecord { Name = "blog.example.", Type = "A", Data = BlogAddress } },
                },
            },
            WebHosts =
            {
                new WebHost
                {
                    Host = ShopHost,
                    Certificate = new SiteCertificate { Issuer = "simtrust", SubjectAlternativeNames = [ShopHost, WwwHost], NotBefore = now.AddDays(-10), NotAfter = now.AddDays(80), OcspStapled = true },
                    Headers = { ["server"] = "shopd", ["x-served-by"] = "origin" },
                    Pages =
                    {
                        new Page { Path = "/", Body = "<html><body>shop home</body></html>", Headers = { ["cache-control"] = "no-store" } },
                        new Page { Path = "/ads.txt", ContentType = "text/plain", Body = "adnet.example, 123, DIRECT\n" },
                        new Page { Path = "/old", Status = 308, Redirect = "/" },
                        new Page { Path = "/long", Body = string.Concat(Enumerable.Repeat("0123456789abcdef", 8)) },
                    },
                },
                new WebHost
                {
                    Host = WwwHost,
                    Certificate = new SiteCertificate { Issuer = "simtrust", SubjectAlternativeNames = [ShopHost, WwwHost], NotBefore = now.AddDays(-10), NotAfter = now.AddDays(80) },
                    Headers = { ["server"] = "cloud-edge", ["cf-ray"] = "8a1b2c3d4e5f-CDG" },
                    Pages = { new Page { Path = "/", Body = "<html><body>www via cdn</body></html>" } },
                },
                new WebHost
                {
                    Host = BlogHost,
                    Certificate = new SiteCertificate { Issuer = "quiet", SubjectAlternativeNames = [BlogHost], NotBefore = now.AddDays(-1), NotAfter = now.AddDays(89) },
                    RedirectHttpToHttps = false,
                    Pages = { new Page { Path = "/", Body = "blog" } },
                },
            },
        };
        return world;
    }

    public static World.World WithFault(this World.World world, string target, string kind, int delayMs = 0)
    {
        world.Faults.Add(new Fault { Target = target, Kind = kind, DelayMs = delayMs });
        return world;
    }
}
