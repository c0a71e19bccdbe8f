using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chokepoint.Benchmarks;

/// <summary>
/// A UDP relay in front of the simulated recursive resolver that records when each query was asked and answered
/// (name and type), for the traced run of <c>audit-critical-path</c>. UDP only: the demo answers are small.
/// </summary>
internal sealed class DnsTraceProxy : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _resolver;
    private readonly Timeline _timeline;
    private readonly CancellationTokenSource _stop = new();

    public DnsTraceProxy(IPEndPoint resolver, Timeline timeline)
    {
        _resolver = resolver;
        _timeline = timeline;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _ = Task.Run(ReceiveLoopAsync);
    }

    public IPEndPoint EndPoint { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            _ = RelayAsync(query, received.RemoteEndPoint);
        }
    }

    private async Task RelayAsync(byte[] query, EndPoint client)
    {
        var start = _timeline.Now;
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await upstream.ConnectAsync(_resolver, _stop.Token);
            await upstream.SendAsync(query, SocketFlags.None, _stop.Token);
            var answer = new byte[65535];
            var length = await upstream.ReceiveAsync(answer, SocketFlags.None, _stop.Token);
            _timeline.Add(start, _timeline.Now, "dns", "resolver " + Describe(query));
            await _socket.SendToAsync(answer.AsMemory(0, length), SocketFlags.None, client, _stop.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            Debug.WriteLine(exception.Message);
        }
    }

    /// <summary>"NAME TYPE" of a query (RFC 1035 section 4.1.2), without compression (queries carry none).</summary>
    private static string Describe(byte[] query)
    {
        var name = new StringBuilder();
        var offset = 12;
        while (offset < query.Length && query[offset] != 0)
        {
            var length = query[offset];
            if (name.Length > 0)
            {
                name.Append('.');
            }

            name.Append(Encoding.ASCII.GetString(query, offset + 1, Math.Min(length, query.Length - offset - 1)));
            offset += length + 1;
        }

        var type = offset + 2 < query.Length ? (query[offset + 1] << 8) | query[offset + 2] : 0;
        var typeName = type switch
        {
            1 => "A", 2 => "NS", 5 => "CNAME", 6 => "SOA", 15 => "MX", 16 => "TXT", 28 => "AAAA", 43 => "DS", 48 => "DNSKEY", 257 => "CAA",
            _ => "TYPE" + type,
        };
        return name + " " + typeName;
    }
}
