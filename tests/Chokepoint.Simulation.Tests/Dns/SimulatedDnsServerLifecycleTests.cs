using System.Net;
using System.Net.Sockets;
using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Tests.Dns;

public sealed class SimulatedDnsServerLifecycleTests
{
    [Fact]
    public async Task Dispose_frees_every_port()
    {
        var server = await DnsTestWorld.StartAsync();
        var endPoints = new List<IPEndPoint> { server.ResolverEndPoint };
        endPoints.AddRange(server.AuthoritativeEndPoints);
        await RawDns.QueryUdpAsync(server.ResolverEndPoint, "example.test", DnsRecordType.A);
        await RawDns.QueryTcpAsync(server.AuthoritativeEndPoints[0], "example.test", DnsRecordType.A);

        await server.DisposeAsync();

        foreach (var endPoint in endPoints)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            udp.Bind(endPoint);
            tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            tcp.Bind(endPoint);
            tcp.Listen();
        }
    }

    [Fact]
    public async Task Dispose_twice_is_harmless()
    {
        var server = await DnsTestWorld.StartAsync();

        await server.DisposeAsync();
        await server.DisposeAsync();

        Assert.Empty(server.Errors);
    }

    [Fact]
    public async Task Occupied_port_makes_the_authoritative_listeners_move()
    {
        await using var first = await DnsTestWorld.StartAsync();
        await using var second = await DnsTestWorld.StartAsync();

        Assert.NotEqual(first.AuthoritativePort, second.AuthoritativePort);
        Assert.True((await RawDns.QueryUdpAsync(DnsTestWorld.Authoritative(second, DnsTestWorld.AlphaNs1), "example.test", DnsRecordType.A)).Authoritative);
    }

    [Fact]
    public async Task Cancelling_the_start_token_stops_answering()
    {
        using var cts = new CancellationTokenSource();
        await using var server = await SimulatedDnsServer.StartAsync(DnsTestWorld.Create(), DnsServerOptions.Default, cts.Token);
        Assert.NotNull(await RawDns.UdpAsync(server.ResolverEndPoint, DnsMessageWriter.Write(DnsMessage.CreateQuery(1, "example.test", DnsRecordType.A))));

        await cts.CancelAsync();

        Assert.Null(await RawDns.UdpAsync(server.ResolverEndPoint, DnsMessageWriter.Write(DnsMessage.CreateQuery(2, "example.test", DnsRecordType.A)), TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task World_without_nameservers_has_no_authoritative_port()
    {
        await using var server = await SimulatedDnsServer.StartAsync(new World.World(), DnsServerOptions.Default, CancellationToken.None);

        Assert.Equal(0, server.AuthoritativePort);
        Assert.Empty(server.AuthoritativeEndPoints);
        Assert.Equal(DnsResponseCode.NameError, (await RawDns.QueryUdpAsync(server.ResolverEndPoint, "anything.example", DnsRecordType.A)).ResponseCode);
    }

    [Fact]
    public async Task Bad_world_records_are_reported_and_the_rest_is_served()
    {
        var world = DnsTestWorld.Create();
        world.Zones[0].Records.Add(new World.ResourceRecord { Name = "bad", Type = "MX", Data = "not-a-number mx" });
        world.Zones[0].Records.Add(new World.ResourceRecord { Name = "elsewhere.org.", Type = "A", Data = "127.0.0.1" });

        await using var server = await SimulatedDnsServer.StartAsync(world, DnsServerOptions.Default, CancellationToken.None);

        Assert.Equal(2, server.WorldProblems.Count);
        Assert.Single((await RawDns.QueryUdpAsync(server.ResolverEndPoint, "example.test", DnsRecordType.A)).Answers);
    }
}
