using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Tests.Web;

/// <summary>One client holding many idle connections must not keep the simulated web server from other clients.</summary>
public sealed class PerClientLimitTests
{
    [Fact]
    public async Task A_client_holding_every_slot_with_idle_connections_does_not_block_another_client()
    {
        var limits = new HttpServerLimits();
        await using var web = await WebHarness.StartAsync(TestWorld.Create(), limits: limits);
        var server = new IPEndPoint(IPAddress.Parse(TestWorld.BlogAddress), web.Server.HttpPort);
        var idle = new List<Socket>();
        try
        {
            // As many idle connections as the whole server allows, all from one loopback address.
            for (var i = 0; i < limits.MaxConnections; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                idle.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(server);
            }

            var clock = Stopwatch.StartNew();
            using var other = new TcpClient(new IPEndPoint(IPAddress.Parse("127.0.0.3"), 0));
            await other.ConnectAsync(server.Address, server.Port);
            var stream = other.GetStream();
            await stream.WriteAsync("GET / HTTP/1.1\r\nHost: blog.example\r\nConnection: close\r\n\r\n"u8.ToArray());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var response = await ReadAllAsync(stream, timeout.Token);

            Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the other client waited {clock.Elapsed}");

            // The flooding client keeps only its share; the connections past it were closed.
            var closed = 0;
            foreach (var socket in idle)
            {
                socket.ReceiveTimeout = 50;
                try
                {
                    closed += socket.Receive(new byte[1]) == 0 ? 1 : 0;
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
                {
                    closed++;
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
                {
                    // Still held open by the server: within the client's share.
                }
            }

            Assert.Equal(limits.MaxConnections - limits.MaxConnectionsPerClient, closed);
        }
        finally
        {
            foreach (var socket in idle)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task An_idle_keep_alive_connection_is_closed_after_the_idle_timeout()
    {
        var limits = new HttpServerLimits { IdleTimeout = TimeSpan.FromMilliseconds(300) };
        await using var web = await WebHarness.StartAsync(TestWorld.Create(), limits: limits);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Parse(TestWorld.BlogAddress), web.Server.HttpPort);
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: blog.example\r\n\r\n"u8.ToArray());
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var response = await ReadAllAsync(stream, timeout.Token);

        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"closed after {clock.Elapsed}");
    }

    private static async Task<string> ReadAllAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // A reset ends the response as a close does.
        }

        return text.ToString();
    }
}
