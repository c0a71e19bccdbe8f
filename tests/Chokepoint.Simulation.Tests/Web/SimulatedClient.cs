using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Tests.Web;

/// <summary>
/// An ordinary <see cref="HttpClient"/> pointed at the simulated web: names resolve through the world's zones,
/// ports 80/443 map to the simulated ports, and certificates validate against the simulated root only.
/// </summary>
internal sealed class SimulatedClient : IDisposable
{
    private readonly X509Certificate2 _root;

    public SimulatedClient(World.World world, int httpPort, int httpsPort, X509Certificate2 root, bool followRedirects = false, int maxRedirects = 50)
    {
        _root = root;
        var addresses = new WebHostAddresses(world);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            MaxAutomaticRedirections = maxRedirects,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var address = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
                    ? literal
                    : addresses.Resolve(context.DnsEndPoint.Host) is [var first, ..]
                        ? first
                        : throw new HttpRequestException($"{context.DnsEndPoint.Host} does not resolve in the world.");
                Assert.True(IPAddress.IsLoopback(address));
                var port = context.DnsEndPoint.Port switch { 80 => httpPort, 443 => httpsPort, var other => other };
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = { RemoteCertificateValidationCallback = Validate },
        };
        Http = new HttpClient(handler);
    }

    public HttpClient Http { get; }

    /// <summary>Why the last certificate was refused; empty when it was accepted.</summary>
    public string LastValidationFailure { get; private set; } = "";

    /// <summary>The last certificate presented by a server.</summary>
    public X509Certificate2? LastServerCertificate { get; private set; }

    public void Dispose() => Http.Dispose();

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            LastValidationFailure = "no certificate";
            return false;
        }

        LastServerCertificate = new X509Certificate2(certificate);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            LastValidationFailure = "name mismatch";
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_root);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.DisableCertificateDownloads = true;
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var valid = custom.Build(LastServerCertificate);
        LastValidationFailure = valid ? "" : string.Join(",", custom.ChainStatus.Select(s => s.Status));
        return valid;
    }
}
