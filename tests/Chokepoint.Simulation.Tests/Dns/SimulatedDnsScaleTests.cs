using System.Net;
using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Tests.Dns;

public sealed class SimulatedDnsScaleTests
{
    [Fact]
    public async Task A_world_of_100000_zones_is_indexed_and_answered()
    {
        var world = DnsTestWorld.Create();
        for (var i = 0; i < 100_000; i++)
        {
            var name = $"zone{i}.test";
            world.Domains.Add(new World.Domain { Name = name, NameServers = ["ns1.alpha-dns.test"] });
            world.Zones.Add(new World.Zone
            {
                Name = name,
                ServedBy = ["alpha"],
                Records = [new World.ResourceRecord { Name = "www", Type = "A", Data = $"127.20.{i / 256 % 256}.{i % 256}" }],
            });
        }

        await using var server = await SimulatedDnsServer.StartAsync(world, DnsServerOptions.Default, CancellationToken.None);

        var last = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "www.ZONE99999.test", DnsRecordType.A);
        var soa = await RawDns.QueryUdpAsync(DnsTestWorld.Authoritative(server, DnsTestWorld.AlphaNs1), "zone12345.test", DnsRecordType.SOA);
        Assert.Equal(IPAddress.Parse("127.20.134.159"), ((AddressRecordData)Assert.Single(last.Answers).Data).Address);
        Assert.Equal("ns1.alpha-dns.test", ((SoaRecordData)Assert.Single(soa.Answers).Data).PrimaryNameServer);
        Assert.Empty(server.WorldProblems);
    }
}
