using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Chokepoint.Collection.Tests.Session;

/// <summary>
/// A UDP DNS server on 127.0.0.1 that answers every A query with the next address of its list (the last one
/// repeating) and TTL 0, and every other query with an empty NOERROR: a name that rebinds between lookups.
/// </summary>
internal sealed class RebindingDnsServer : IAsyncDisposable
{
    private readonly UdpClient socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource stop = new();
    private readonly IPAddress[] answers;
    private readonly Task loop;
    private int aQueries;

    public RebindingDnsServer(params IPAddress[] answers)
    {
        this.answers = answers;
        EndPoint = (IPEndPoint)socket.Client.LocalEndPoint!;
        loop = ServeAsync();
    }

    public IPEndPoint EndPoint { get; }

    public int AQueries => Volatile.Read(ref aQueries);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Dispose();
        try
        {
            await loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var received = await socket.ReceiveAsync(stop.Token);
            var query = received.Buffer;
            var questionEnd = 12;
            while (query[questionEnd] != 0)
            {
                questionEnd += query[questionEnd] + 1;
            }

            questionEnd += 5;
            var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(questionEnd - 4));
            var response = new List<byte>(query[..questionEnd]);
            response[2] = 0x85; // QR, AA, RD
            response[3] = 0x80; // RA, NOERROR
            response[10] = 0; // no additional records (drops the client's OPT)
            response[11] = 0;
            if (type == 1)
            {
                var index = Interlocked.Increment(ref aQueries) - 1;
                var address = answers[Math.Min(index, answers.Length - 1)];
                response[7] = 1;
                response.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4]);
                response.AddRange(address.GetAddressBytes());
            }

            await socket.SendAsync(response.ToArray(), received.RemoteEndPoint, stop.Token);
        }
    }
}
