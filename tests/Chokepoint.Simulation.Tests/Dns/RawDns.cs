using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Tests.Dns;

/// <summary>Sends raw DNS messages over UDP or TCP with the project's own codec, for what DnsClient hides.</summary>
internal static class RawDns
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<byte[]?> UdpAsync(IPEndPoint server, byte[] query, TimeSpan? timeout = null)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await socket.SendToAsync(query, SocketFlags.None, server);
        var buffer = new byte[65535];
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        try
        {
            var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return buffer[..received.ReceivedBytes];
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public static async Task<byte[]?> TcpAsync(IPEndPoint server, byte[] query)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server);
        var stream = client.GetStream();
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        await stream.WriteAsync(framed);
        using var cts = new CancellationTokenSource(Timeout);
        var prefix = new byte[2];
        try
        {
            await stream.ReadExactlyAsync(prefix, cts.Token);
            var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(response, cts.Token);
            return response;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public static async Task<DnsMessage> QueryUdpAsync(IPEndPoint server, string name, DnsRecordType type, ushort? edns = null)
    {
        var bytes = await UdpAsync(server, DnsMessageWriter.Write(DnsMessage.CreateQuery(0x1234, name, type, edns)));
        Assert.NotNull(bytes);
        var read = DnsMessageReader.Read(bytes);
        Assert.True(read.Success, read.Error);
        return read.Message!;
    }

    public static async Task<DnsMessage> QueryTcpAsync(IPEndPoint server, string name, DnsRecordType type)
    {
        var bytes = await TcpAsync(server, DnsMessageWriter.Write(DnsMessage.CreateQuery(0x4321, name, type)));
        Assert.NotNull(bytes);
        var read = DnsMessageReader.Read(bytes);
        Assert.True(read.Success, read.Error);
        return read.Message!;
    }
}
