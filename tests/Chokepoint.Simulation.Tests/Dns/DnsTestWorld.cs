using System.Net;
using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.Dns;

/// <summary>A small world built in code for the DNS tests, and helpers to query it.</summary>
internal static class DnsTestWorld
{
    public const string AlphaNs1 = "127.2.0.1";
    public const string AlphaNs2 = "127.2.0.2";
    public const string BetaNs1 = "127.3.0.1";
    public const string VanityNs = "127.4.0.1";
    public const string TldNs = "127.1.0.1";

    /// <summary>A TXT string longer than any UDP answer the server sends.</summary>
    public static readonly string HugeText = new('h', 250);

    public static World.World Create(params Fault[] faults)
    {
        var world = new World.World
        {
            Name = "dns-tests",
            Companies = [new Company { Id = "alpha-co", Name = "Alpha DNS, Inc." }],
            Registries =
            [
                new Registry
                {
                    Tld = "test",
                    Operator = "alpha-co",
                    RdapHost = "rdap.nic.test",
                    NameServers = [new NameServer { Host = "a.nic.test", Addresses = [TldNs] }],
                },
            ],
            DnsServices =
            [
                new DnsService
                {
                    Id = "alpha",
                    Company = "alpha-co",
                    NameServers =
                    [
                        new NameServer { Host = "ns1.alpha-dns.test", Addresses = [AlphaNs1] },
                        new NameServer { Host = "ns2.alpha-dns.test", Addresses = [AlphaNs2] },
                    ],
                },
                new DnsService
                {
                    Id = "beta",
                    Company = "alpha-co",
                    NameServers = [new NameServer { Host = "ns1.beta-dns.test", Addresses = [BetaNs1] }],
                },
                new DnsService
                {
                    Id = "vanity",
                    Company = "alpha-co",
                    NameServers = [new NameServer { Host = "ns1.vanity.test", Addresses = [VanityNs] }],
                },
            ],
            AddressSpace =
            [
                new AddressPrefix { Prefix = "127.10.0.0/16", Asn = 64500, Organization = "EXAMPLE-NET" },
                new AddressPrefix { Prefix = "127.10.1.0/24", Asn = 64501, Organization = "MORE-SPECIFIC" },
                new AddressPrefix { Prefix = "::1/128", Asn = 64502, Organization = "LOOPBACK6" },
            ],
            Domains =
            [
                Domain("example.test", ds: true, "ns1.alpha-dns.test", "ns2.alpha-dns.test"),
                Domain("other.test", ds: false, "ns1.beta-dns.test"),
                Domain("held.test", ds: false, "ns1.alpha-dns.test"),
                Domain("lame.test", ds: false, "ns1.beta-dns.test"),
                Domain("unserved.test", ds: false, "ns1.alpha-dns.test"),
                Domain("vanity.test", ds: false, "ns1.vanity.test"),
            ],
            Zones =
            [
                new Zone
                {
                    Name = "example.test",
                    ServedBy = ["alpha"],
                    Signed = true,
                    Records =
                    [
                        Record("@", "A", "127.10.0.1"),
                        Record("@", "AAAA", "::1"),
                        Record("@", "MX", "10 mx"),
                        Record("@", "MX", "20 mx.other.test."),
                        Record("mx", "A", "127.10.1.5"),
                        Record("@", "TXT", "\"v=spf1 include:_spf.other.test -all\""),
                        Record("@", "CAA", "0 issue \"letsencrypt.org\""),
                        Record("www", "CNAME", "web.other.test."),
                        Record("alias", "CNAME", "www"),
                        Record("loop1", "CNAME", "loop2"),
                        Record("loop2", "CNAME", "loop1"),
                        Record("long", "TXT", $"\"{new string('x', 300)}\" \"second\""),
                        Record("huge", "TXT", string.Join(' ', Enumerable.Range(0, 8).Select(i => $"\"{i}{HugeText}\""))),
                        Record("a.b.deep", "A", "127.10.0.9"),
                        Record("*.wild", "A", "127.10.0.7"),
                    ],
                },
                new Zone
                {
                    Name = "other.test",
                    ServedBy = ["beta"],
                    Records =
                    [
                        Record("@", "SOA", "ns1.beta-dns.test. dns.other.test. 42 7200 3600 1209600 60", ttl: 3600),
                        Record("@", "NS", "ns1.beta-dns.test."),
                        Record("web", "A", "127.10.0.2"),
                    ],
                },
                new Zone { Name = "held.test", ServedBy = ["alpha"], Records = [Record("@", "A", "127.10.0.3")] },
                new Zone { Name = "lame.test", ServedBy = ["alpha"], Records = [Record("@", "A", "127.10.0.4")] },
                new Zone
                {
                    Name = "vanity.test",
                    ServedBy = ["vanity"],
                    Records = [Record("@", "A", "127.10.0.5"), Record("ns1", "A", VanityNs)],
                },
            ],
            Faults = [.. faults],
        };
        return world;
    }

    public static Task<SimulatedDnsServer> StartAsync(params Fault[] faults) =>
        SimulatedDnsServer.StartAsync(Create(faults), DnsServerOptions.Default, CancellationToken.None);

    public static DnsClient.LookupClient Client(IPEndPoint endPoint, bool tcpOnly = false, bool tcpFallback = true, int bufferSize = 4096) =>
        new(new DnsClient.LookupClientOptions(new DnsClient.NameServer(endPoint))
        {
            UseCache = false,
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 0,
            UseTcpOnly = tcpOnly,
            UseTcpFallback = tcpFallback,
            ExtendedDnsBufferSize = bufferSize,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
            ThrowDnsErrors = false,
        });

    public static IPEndPoint Authoritative(SimulatedDnsServer server, string address) =>
        new(IPAddress.Parse(address), server.AuthoritativePort);

    private static World.Domain Domain(string name, bool ds, params string[] nameServers) => new()
    {
        Name = name,
        Registrar = "registrar",
        Status = name.StartsWith("held", StringComparison.Ordinal) ? ["clientHold"] : ["ok"],
        NameServers = [.. nameServers],
        DelegationTtl = 3600,
        Ds = ds,
    };

    private static ResourceRecord Record(string name, string type, string data, int ttl = 300) =>
        new() { Name = name, Type = type, Data = data, Ttl = ttl };
}
