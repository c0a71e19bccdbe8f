using System.Net;
using System.Net.Security;
using Chokepoint.Simulation.Pki;

namespace Chokepoint.Simulation.Web;

/// <summary>
/// Serves the <see cref="World.WebHost"/>s of a world over HTTP and HTTPS on every address their names resolve to,
/// on two ports shared by all addresses. HTTPS picks the certificate by SNI; the Host header picks the web host.
/// Redirects name URLs without a port ("https://host/"): clients map 80 and 443 to <see cref="HttpPort"/> and
/// <see cref="HttpsPort"/>, as the simulated internet's network profile tells them.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110: HTTP semantics</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc6066#section-3">RFC 6066 section 3: server name indication</seealso>
public sealed class SimulatedWebServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private SimulatedWebServer(LoopbackHttpServer server, IReadOnlyList<IPAddress> addresses, int httpPort, int httpsPort)
    {
        _server = server;
        Addresses = addresses;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
    }

    /// <summary>The addresses listened on (every distinct address of every web host).</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    /// <summary>The plain HTTP port, the same on every address.</summary>
    public int HttpPort { get; }

    /// <summary>The HTTPS port, the same on every address.</summary>
    public int HttpsPort { get; }

    /// <summary>Binds every web address on an HTTP and an HTTPS port and starts serving.</summary>
    /// <exception cref="IOException">A requested port is taken, or no port is free on all addresses.</exception>
    public static Task<SimulatedWebServer> StartAsync(
        World.World world, SimulatedPki pki, WebServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(pki);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var addresses = WebHostAddresses.ForWebHosts(world)
            .Where(a => IPAddress.IsLoopback(a) && (a.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || System.Net.Sockets.Socket.OSSupportsIPv6))
            .ToList();
        var responder = new WebResponder(world, options.TimeProvider);
        var server = new LoopbackHttpServer(responder.RespondAsync, options.Limits, options.TimeProvider);
        try
        {
            var httpPort = server.Listen(addresses, options.HttpPort, tls: null);
            var httpsPort = server.Listen(addresses, options.HttpsPort, serverName =>
                serverName is null || pki.GetServerContext(serverName) is not { } context
                    ? null
                    : new SslServerAuthenticationOptions
                    {
                        ServerCertificateContext = context,
                        ApplicationProtocols = [SslApplicationProtocol.Http11],
                    });
            return Task.FromResult(new SimulatedWebServer(server, addresses, httpPort, httpsPort));
        }
        catch
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Stops listening, ends every connection and frees both ports.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
