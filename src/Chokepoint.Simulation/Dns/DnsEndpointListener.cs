using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// A UDP socket and a TCP listener on one address and port, each with a receive loop that hands queries to a
/// handler. A bad packet, a reset connection or a failing send never ends a loop; cancellation does.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7766">RFC 7766 (DNS over TCP)</seealso>
internal sealed class DnsEndpointListener : IAsyncDisposable
{
    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly List<Task> _loops = [];

    private DnsEndpointListener(Socket udp, Socket tcp, IPEndPoint endPoint)
    {
        _udp = udp;
        _tcp = tcp;
        EndPoint = endPoint;
    }

    public delegate Task<byte[]?> QueryHandler(byte[] query, bool tcp, CancellationToken cancellationToken);

    public IPEndPoint EndPoint { get; }

    /// <summary>Binds UDP and TCP on <paramref name="address"/>:<paramref name="port"/> (0: a free port); null when either is taken.</summary>
    public static DnsEndpointListener? TryBind(IPAddress address, int port)
    {
        var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            udp.Bind(new IPEndPoint(address, port));
            var bound = (IPEndPoint)udp.LocalEndPoint!;

            // Lets the port be bound again at once after disposal even with connections in TIME_WAIT;
            // on Linux it does not allow two listeners on one port.
            tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            tcp.Bind(bound);
            tcp.Listen(64);
            return new DnsEndpointListener(udp, tcp, bound);
        }
        catch (SocketException)
        {
            udp.Dispose();
            tcp.Dispose();
            return null;
        }
    }

    public void Start(QueryHandler handler, TaskTracker tracker, TimeSpan tcpIdleTimeout, CancellationToken cancellationToken)
    {
        _loops.Add(Task.Run(() => UdpLoopAsync(handler, tracker, cancellationToken), CancellationToken.None));
        _loops.Add(Task.Run(() => TcpLoopAsync(handler, tracker, tcpIdleTimeout, cancellationToken), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        _udp.Dispose();
        _tcp.Dispose();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    private async Task UdpLoopAsync(QueryHandler handler, TaskTracker tracker, CancellationToken cancellationToken)
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error for an earlier send can surface here; the socket itself is still usable.
                continue;
            }

            var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            tracker.Track(RespondUdpAsync(handler, query, received.RemoteEndPoint, cancellationToken));
        }
    }

    private async Task RespondUdpAsync(QueryHandler handler, byte[] query, EndPoint remote, CancellationToken cancellationToken)
    {
        try
        {
            var response = await handler(query, false, cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                await _udp.SendToAsync(response, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The server is stopping or the client went away.
        }
    }

    private async Task TcpLoopAsync(QueryHandler handler, TaskTracker tracker, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _tcp.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            tracker.Track(ServeConnectionAsync(handler, client, idleTimeout, cancellationToken));
        }
    }

    private static async Task ServeConnectionAsync(QueryHandler handler, Socket client, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        using var owned = client;
        await using var stream = new NetworkStream(client, ownsSocket: false);
        var prefix = new byte[2];
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(idleTimeout);
                await stream.ReadExactlyAsync(prefix, idle.Token).ConfigureAwait(false);
                var length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
                var query = new byte[length];
                await stream.ReadExactlyAsync(query, idle.Token).ConfigureAwait(false);
                var response = await handler(query, true, cancellationToken).ConfigureAwait(false);
                if (response is null)
                {
                    continue;
                }

                var framed = new byte[response.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)response.Length);
                response.CopyTo(framed, 2);
                await stream.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // End of stream, idle timeout, reset by the client, or the server stopping.
        }
    }
}
