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
/// and the failure is reported by the caller. Every address is checked against the <see cref="AddressPolicy"/>
/// just before it is connected to, so a name re-resolved to a refused address (DNS rebinding) is refused then.
/// </summary>
public static class WebTransport
{
    /// <summary>Where the connection for a request went; set on the request that opened it.</summary>
    public static readonly HttpRequestOptionsKey<IPEndPoint> RemoteEndPointKey = new("chokepoint.remote-endpoint");

    /// <summary>Creates the handler with no address policy (every address allowed). Redirects are not followed.</summary>
    public static SocketsHttpHandler CreateHandler(NetworkProfile profile, DnsLookup dns, TimeSpan connectTimeout) =>
        CreateHandler(profile, dns, connectTimeout, AddressPolicy.Unrestricted);

    /// <summary>How long a pooled connection may stay idle before it is closed.</summary>
    public static readonly TimeSpan IdleConnectionTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Creates the handler. Redirects are not followed (callers follow and record them). A connection to an address
    /// <paramref name="policy"/> refuses fails with an <see cref="HttpRequestException"/> whose inner exception is an
    /// <see cref="AddressRefusedException"/>.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(NetworkProfile profile, DnsLookup dns, TimeSpan connectTimeout, AddressPolicy policy)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),

            // An audit reuses a connection within a second or two (landing page, then its money pages and ads.txt);
            // a session shared by a scan of thousands of sites must not hold a connection to each of them for long.
            PooledConnectionIdleTimeout = IdleConnectionTimeout,
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(profile, dns, policy, context, cancellationToken),
        };
        handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = TrustPolicy.Create(profile) };

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
        NetworkProfile profile, DnsLookup dns, AddressPolicy policy, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await dns.ResolveAddressesAsync(host, cancellationToken);
        if (addresses.Count == 0)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"{host} has no address");
        }

        var port = MapPort(profile, context.DnsEndPoint.Port);
        Exception? last = null;
        foreach (var address in addresses)
        {
            if (policy.Refusal(address) is { } why)
            {
                last ??= new AddressRefusedException(address, why);
                continue;
            }

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

        throw last is AddressRefusedException refused
            ? new HttpRequestException(HttpRequestError.ConnectionError, $"{host}: {refused.Message}", refused)
            : new HttpRequestException(HttpRequestError.ConnectionError, $"could not connect to {host} port {port}", last);
    }
}
