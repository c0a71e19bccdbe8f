using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Collection.Tests.Dns;

/// <summary>
/// A DNS server on 127.0.0.1, over UDP and TCP on the same port, that answers every query with whatever bytes its
/// responder returns for it (null: no answer at all; over TCP the connection is then closed). The responder gets the
/// query as received and whether it came over TCP; it may return anything, valid or not. Each query is answered on its
/// own, so a slow or hostile responder never blocks the next query.
/// </summary>
internal sealed class HostileDnsServer : IAsyncDisposable
{
    private readonly UdpClient udp;
    private readonly TcpListener tcp;
    private readonly CancellationTokenSource stop = new();
    private readonly Func<byte[], bool, byte[]?> responder;
    private readonly Task udpLoop;
    private readonly Task tcpLoop;
    private int queries;

    public HostileDnsServer(Func<byte[], bool, byte[]?> responder)
    {
        this.responder = responder;

        // One port for both transports: bind TCP first on a free port, then UDP on the same one (retrying on a clash).
        for (var attempt = 0; ; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            try
            {
                udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                tcp = listener;
                EndPoint = new IPEndPoint(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (attempt < 20)
            {
                listener.Stop();
            }
        }

        udpLoop = ServeUdpAsync();
        tcpLoop = ServeTcpAsync();
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Queries received, over both transports.</summary>
    public int Queries => Volatile.Read(ref queries);

    /// <summary>
    /// A well-formed answer to <paramref name="query"/> (same id and question, QR, AA and RA set, NOERROR) with
    /// <paramref name="answers"/>; the query is read with the simulation's wire reader.
    /// </summary>
    public static byte[] Answer(byte[] query, params DnsResourceRecord[] answers)
    {
        var read = DnsMessageReader.Read(query);
        var message = read.Message ?? throw new InvalidOperationException("unreadable query: " + read.Error);
        return DnsMessageWriter.Write(new DnsMessage
        {
            Id = message.Id,
            IsResponse = true,
            Authoritative = true,
            RecursionDesired = message.RecursionDesired,
            RecursionAvailable = true,
            Questions = message.Questions,
            Answers = answers,
        });
    }

    /// <summary>The query's question name (without a trailing dot) and type.</summary>
    public static (string Name, DnsRecordType Type) Question(byte[] query)
    {
        var message = DnsMessageReader.Read(query).Message ?? throw new InvalidOperationException("unreadable query");
        return (DnsName.TrimDot(message.Questions[0].Name), message.Questions[0].Type);
    }

    /// <summary>The length of the header and question of <paramref name="query"/> (where the answer section starts).</summary>
    public static int QuestionEnd(byte[] query)
    {
        var end = 12;
        while (end < query.Length && query[end] != 0)
        {
            end += query[end] + 1;
        }

        return end + 5;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        udp.Dispose();
        tcp.Stop();
        foreach (var loop in new[] { udpLoop, tcpLoop })
        {
            try
            {
                await loop;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        stop.Dispose();
    }

    private byte[]? Respond(byte[] query, bool overTcp)
    {
        Interlocked.Increment(ref queries);
        return responder(query, overTcp);
    }

    private async Task ServeUdpAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var received = await udp.ReceiveAsync(stop.Token);
            _ = Task.Run(async () =>
            {
                if (Respond(received.Buffer, overTcp: false) is { } response)
                {
                    // A datagram holds at most 65,507 bytes; a responder that asks for more sends what fits.
                    var datagram = response.Length > 65_507 ? response[..65_507] : response;
                    try
                    {
                        await udp.SendAsync(datagram, received.RemoteEndPoint, stop.Token);
                    }
                    catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
                    {
                    }
                }
            });
        }
    }

    private async Task ServeTcpAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await tcp.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => ServeConnectionAsync(client));
        }
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        using var owned = client;
        try
        {
            var stream = client.GetStream();
            var prefix = new byte[2];
            await stream.ReadExactlyAsync(prefix, stop.Token);
            var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(query, stop.Token);
            if (Respond(query, overTcp: true) is not { } response)
            {
                return;
            }

            // The length prefix says what the responder's message says it is, up to 65,535; a longer message is cut.
            var body = response.Length > ushort.MaxValue ? response[..ushort.MaxValue] : response;
            var framed = new byte[body.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)body.Length);
            body.CopyTo(framed, 2);
            await stream.WriteAsync(framed, stop.Token);
            await stream.FlushAsync(stop.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
        }
    }
}
