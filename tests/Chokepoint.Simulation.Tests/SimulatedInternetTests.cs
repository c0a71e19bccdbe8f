using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Chokepoint.Observations.Network;
using Chokepoint.Simulation.Tests.Web;
using DnsClient;

namespace Chokepoint.Simulation.Tests;

public sealed class SimulatedInternetTests
{
    [Fact]
    public async Task Profile_tells_where_every_service_is()
    {
        var world = TestWorld.Create();
        await using var internet = await SimulatedInternet.StartAsync(world, new SimulationOptions { Name = "unit" });
        var profile = internet.Profile;

        Assert.Same(world, internet.World);
        Assert.Equal($"127.0.0.1:{internet.Dns.ResolverEndPoint.Port}", profile.Resolver);
        Assert.Equal(internet.Dns.AuthoritativePort, profile.DnsPort);
        Assert.NotEqual(0, profile.DnsPort);
        Assert.Equal(internet.Rdap.BootstrapUri.AbsoluteUri, profile.RdapBootstrap);
        Assert.Equal(internet.Web.HttpPort, profile.HttpPort);
        Assert.Equal(internet.Web.HttpsPort, profile.HttpsPort);
        Assert.Equal("unit", profile.Name);
        using var root = X509Certificate2.CreateFromPem(profile.RootCaPem);
        Assert.Equal(internet.RootCertificate.Thumbprint, root.Thumbprint);
        Assert.EndsWith("asn-ipv4.csv", profile.AsnDatabase, StringComparison.Ordinal);
        Assert.StartsWith("127.10.0.0,127.10.255.255,64500,SHOP-HOSTING\n", await File.ReadAllTextAsync(profile.AsnDatabase!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_clients_resolve_fetch_and_look_up_through_the_profile_alone()
    {
        await using var internet = await SimulatedInternet.StartAsync(TestWorld.Create());
        var profile = internet.Profile;
        var resolver = new LookupClient(new LookupClientOptions(new NameServer(IPEndPoint.Parse(profile.Resolver!)))
        {
            UseCache = false,
            Retries = 0,
            Timeout = TimeSpan.FromSeconds(5),
        });
        using var root = X509Certificate2.CreateFromPem(profile.RootCaPem);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var (address, port) = (IPAddress.None, context.DnsEndPoint.Port);
                if (!IPAddress.TryParse(context.DnsEndPoint.Host, out address))
                {
                    var answer = await resolver.QueryAsync(context.DnsEndPoint.Host, QueryType.A, cancellationToken: cancellationToken);
                    address = answer.Answers.ARecords().First().Address;
                    port = port == 443 ? profile.HttpsPort : profile.HttpPort;
                }

                Assert.True(IPAddress.IsLoopback(address));
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(address, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                    {
                        return false;
                    }

                    using var custom = new X509Chain();
                    custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    custom.ChainPolicy.CustomTrustStore.Add(root);
                    custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    custom.ChainPolicy.ExtraStore.AddRange(chain!.ChainElements.Select(e => e.Certificate).ToArray());
                    return custom.Build(new X509Certificate2(certificate));
                },
            },
        });

        var dns = await resolver.QueryAsync("www.shop.test", QueryType.A);
        var page = await http.GetStringAsync("http://www.shop.test/");
        using var bootstrap = JsonDocument.Parse(await http.GetStringAsync(profile.RdapBootstrap));
        var testBase = bootstrap.RootElement.GetProperty("services").EnumerateArray().Single(s => s[0][0].GetString() == "test")[1][0].GetString();
        using var domain = JsonDocument.Parse(await http.GetStringAsync(testBase + "domain/shop.test"));

        Assert.Equal(IPAddress.Parse(TestWorld.CdnAddress), dns.Answers.ARecords().Single().Address);
        Assert.Equal("<html><body>www via cdn</body></html>", page);
        Assert.Equal("shop.test", domain.RootElement.GetProperty("ldhName").GetString());
    }

    [Fact]
    public async Task WriteProfileAsync_writes_the_camel_case_json_that_reads_back()
    {
        await using var internet = await SimulatedInternet.StartAsync(TestWorld.Create());
        var path = Path.Combine(Path.GetTempPath(), "chokepoint-profile-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await internet.WriteProfileAsync(path, CancellationToken.None);
            var json = await File.ReadAllTextAsync(path);
            using var document = JsonDocument.Parse(json);

            Assert.Equal(
                ["resolver", "dnsPort", "rdapBootstrap", "rootCaPem", "asnDb", "httpPort", "httpsPort", "name"],
                document.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Contains("-----BEGIN CERTIFICATE-----", json, StringComparison.Ordinal);
            Assert.Equal(internet.Profile, JsonSerializer.Deserialize<NetworkProfile>(json));
            Assert.Equal("test-world", internet.Profile.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Dispose_frees_every_port_and_deletes_the_asn_files()
    {
        var internet = await SimulatedInternet.StartAsync(TestWorld.Create());
        var profile = internet.Profile;
        var webAddresses = internet.Web.Addresses;
        var resolver = internet.Dns.ResolverEndPoint;
        var rdapPort = internet.Rdap.Port;

        await internet.DisposeAsync();
        await internet.DisposeAsync();

        Assert.False(File.Exists(profile.AsnDatabase));
        Assert.False(Directory.Exists(Path.GetDirectoryName(profile.AsnDatabase)));
        foreach (var address in webAddresses)
        {
            Listen(new IPEndPoint(address, profile.HttpPort));
            Listen(new IPEndPoint(address, profile.HttpsPort));
        }

        Listen(new IPEndPoint(IPAddress.Loopback, rdapPort));
        Listen(resolver);
        using var udp = new UdpClient(resolver);
        Listen(new IPEndPoint(IPAddress.Parse("127.53.0.1"), profile.DnsPort));
        using var nameserverUdp = new UdpClient(new IPEndPoint(IPAddress.Parse("127.53.0.1"), profile.DnsPort));
    }

    [Fact]
    public async Task Start_up_cancelled_before_it_begins_leaves_nothing_behind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SimulatedInternet.StartAsync(TestWorld.Create(), cancellationToken: cancelled.Token));
    }

    private static void Listen(IPEndPoint endPoint)
    {
        var listener = new TcpListener(endPoint);
        listener.Start();
        listener.Stop();
    }
}
