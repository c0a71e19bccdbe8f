using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chokepoint.Observations.Network;
using Chokepoint.Simulation.Asn;
using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.Pki;
using Chokepoint.Simulation.Rdap;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation;

/// <summary>
/// A whole simulated internet on loopback for one <see cref="World.World"/>: DNS (a recursive resolver and every
/// nameserver), RDAP (bootstrap, registries, registrars), web servers over HTTP and HTTPS with certificates from a
/// simulated PKI, and an IP-to-ASN file. <see cref="Profile"/> tells collectors where everything is.
/// </summary>
public sealed class SimulatedInternet : IAsyncDisposable
{
    private static readonly JsonSerializerOptions ProfileJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly DirectoryInfo _dataDirectory;
    private bool _disposed;

    private SimulatedInternet(
        World.World world, DirectoryInfo dataDirectory, AsnDatabaseFiles asn, SimulatedDnsServer dns, SimulatedRdapServer rdap,
        SimulatedPki pki, SimulatedWebServer web, string name)
    {
        World = world;
        _dataDirectory = dataDirectory;
        AsnDatabase = asn;
        Dns = dns;
        Rdap = rdap;
        Pki = pki;
        Web = web;
        Profile = new NetworkProfile
        {
            Resolver = dns.ResolverEndPoint.ToString(),
            DnsPort = dns.AuthoritativePort,
            RdapBootstrap = rdap.BootstrapUri.AbsoluteUri,
            RootCaPem = pki.RootCertificatePem,
            AsnDatabase = asn.IPv4Path,
            HttpPort = web.HttpPort,
            HttpsPort = web.HttpsPort,
            Name = name,
        };
    }

    /// <summary>The world being served. Faults added to it while running take effect (web and RDAP at once).</summary>
    public World.World World { get; }

    /// <summary>Where the collectors find this network; see <see cref="WriteProfileAsync(string, CancellationToken)"/>.</summary>
    public NetworkProfile Profile { get; }

    /// <summary>The root every simulated certificate chains to (except "cert-untrusted" ones).</summary>
    public X509Certificate2 RootCertificate => Pki.RootCertificate;

    /// <summary>The DNS servers.</summary>
    public SimulatedDnsServer Dns { get; }

    /// <summary>The RDAP servers.</summary>
    public SimulatedRdapServer Rdap { get; }

    /// <summary>The web servers.</summary>
    public SimulatedWebServer Web { get; }

    /// <summary>The certificates.</summary>
    public SimulatedPki Pki { get; }

    /// <summary>The IP-to-ASN files (the profile names the IPv4 one); deleted on dispose.</summary>
    public AsnDatabaseFiles AsnDatabase { get; }

    /// <summary>
    /// Starts DNS, RDAP and the web servers and writes the ASN files into a temporary directory owned by the instance.
    /// </summary>
    /// <param name="world">The world to serve; every address in it must be loopback.</param>
    /// <param name="options">Ports, limits and clock; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels start-up; it does not stop a started simulation (dispose does).</param>
    public static async Task<SimulatedInternet> StartAsync(
        World.World world, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        options ??= new SimulationOptions();
        var directory = Directory.CreateTempSubdirectory("chokepoint-sim-");
        SimulatedDnsServer? dns = null;
        SimulatedRdapServer? rdap = null;
        SimulatedPki? pki = null;
        SimulatedWebServer? web = null;
        try
        {
            var asn = await AsnDatabaseWriter.WriteAsync(world, directory.FullName, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            // The DNS server ties its lifetime to the token it is started with; the caller's token only covers start-up.
            dns = await SimulatedDnsServer.StartAsync(world, options.Dns ?? new DnsServerOptions { TimeProvider = options.TimeProvider }, CancellationToken.None);
            rdap = await SimulatedRdapServer.StartAsync(
                world,
                new RdapServerOptions { Port = options.RdapPort, Limits = options.HttpLimits, TimeProvider = options.TimeProvider },
                cancellationToken);
            pki = new SimulatedPki(world, options.TimeProvider);
            web = await SimulatedWebServer.StartAsync(
                world,
                pki,
                new WebServerOptions
                {
                    HttpPort = options.HttpPort,
                    HttpsPort = options.HttpsPort,
                    Limits = options.HttpLimits,
                    TimeProvider = options.TimeProvider,
                },
                cancellationToken);
            return new SimulatedInternet(world, directory, asn, dns, rdap, pki, web, options.Name ?? world.Name);
        }
        catch
        {
            await StopAsync(web, rdap, dns, pki, directory);
            throw;
        }
    }

    /// <summary>Writes <see cref="Profile"/> as JSON (the names of its <c>JsonPropertyName</c> attributes) to <paramref name="path"/>.</summary>
    public async Task WriteProfileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.Create(path);
        await using (stream)
        {
            await WriteProfileAsync(stream, cancellationToken);
        }
    }

    /// <summary>Writes the network profile (JSON) to <paramref name="stream"/>.</summary>
    public Task WriteProfileAsync(Stream stream, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, Profile, ProfileJson, cancellationToken);

    /// <summary>Stops every server, frees every port and deletes the temporary directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync(Web, Rdap, Dns, Pki, _dataDirectory);
    }

    private static async Task StopAsync(
        SimulatedWebServer? web, SimulatedRdapServer? rdap, SimulatedDnsServer? dns, SimulatedPki? pki, DirectoryInfo directory)
    {
        try
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }

            if (rdap is not null)
            {
                await rdap.DisposeAsync();
            }

            if (dns is not null)
            {
                await dns.DisposeAsync();
            }
        }
        finally
        {
            pki?.Dispose();
            directory.Refresh();
            if (directory.Exists)
            {
                directory.Delete(recursive: true);
            }
        }
    }
}
