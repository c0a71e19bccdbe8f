using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Chokepoint.Collection.Dns;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// The web seam: a <see cref="SocketsHttpHandler"/> that resolves host names through the collectors' own DNS lookup
/// (the profile's resolver), connects to the profile's HTTP or HTTPS port, and validates certificates against the
/// profile's root CA (or the system store). Validation is never disabled: a bad certificate fails the request,
/// and the failure is reported by the caller.
/// </summary>
public static class WebTransport
{
    /// <summary>Where the connection for a request went; set on the request that opened it.</summary>
    public static readonly HttpRequestOptionsKey<IPEndPoint> RemoteEndPointKey = new("chokepoint.remote-endpoint");

    /// <summary>Creates the handler. Redirects are not followed (callers follow and record them).</summary>
    public static SocketsHttpHandler CreateHandler(NetworkProfile profile, DnsLookup dns, TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(profile, dns, context, cancellationToken),
        };
        if (TrustPolicy.Create(profile) is { } policy)
        {
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy };
        }

        return handler;
    }

    /// <summary>The port to connect to: the profile's HTTP/HTTPS port in place of 80/443, any other port as given.</summary>
    public static int MapPort(NetworkProfile profile, int port) => port switch
    {
        80 => profile.HttpPort,
        443 => profile.HttpsPort,
        _ => port,
    };

    private static async ValueTask<Stream> ConnectAsync(
        NetworkProfile profile, DnsLookup dns, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await dns.ResolveAddressesAsync(host, cancellationToken);
        if (addresses.Count == 0)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"{host} has no address");
        }

        var port = MapPort(profile, context.DnsEndPoint.Port);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                var endPoint = new IPEndPoint(address, port);
                await socket.ConnectAsync(endPoint, cancellationToken);
                context.InitialRequestMessage.Options.Set(RemoteEndPointKey, endPoint);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException(HttpRequestError.ConnectionError, $"could not connect to {host} port {port}", last);
    }
}
