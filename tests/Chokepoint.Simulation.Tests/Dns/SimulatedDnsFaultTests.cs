using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.Dns.Wire;
using DnsClient;
using DnsResponseCode = Chokepoint.Simulation.Dns.Wire.DnsResponseCode;

namespace Chokepoint.Simulation.Tests.Dns;

public sealed class SimulatedDnsFaultTests
{
    private static World.Fault Fault(string target, string kind, int delayMs = 0) => new() { Target = target, Kind = kind, DelayMs = delayMs };

    private static async Task<SimulatedDnsServer> StartAsync(DnsServerOptions options, params World.Fault[] faults) =>
        await SimulatedDnsServer.StartAsync(DnsTestWorld.Create(faults), options, CancellationToken.None);

    [Fact]
    public async Task Delay_waits_on_the_injected_clock_then_answers()
    {
        var clock = new RecordingTimeProvider();
        await using var server = await StartAsync(new DnsServerOptions { TimeProvider = clock }, Fault("dns:example.test", "delay", 5000), Fault("dns:example.test.", "delay", 250));

        var other = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "mx.example.test", DnsRecordType.A);
        Assert.Empty(clock.RequestedDelays);
        var delayed = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "example.test", DnsRecordType.A);

        Assert.Single(other.Answers);
        Assert.Single(delayed.Answers);
        Assert.Equal([TimeSpan.FromMilliseconds(5250)], clock.RequestedDelays);
    }

    [Fact]
    public async Task No_answer_drops_the_query_so_the_client_times_out()
    {
        await using var server = await StartAsync(DnsServerOptions.Default, Fault("dns:example.test", "no-answer"));
        var client = new LookupClient(new LookupClientOptions(new NameServer(server.ResolverEndPoint))
        {
            UseCache = false,
            Timeout = TimeSpan.FromMilliseconds(300),
            Retries = 0,
            ContinueOnDnsError = false,
        });

        var exception = await Assert.ThrowsAsync<DnsResponseException>(() => client.QueryAsync("example.test", QueryType.A));
        var tcp = await RawDns.TcpAsync(server.ResolverEndPoint, DnsMessageWriter.Write(DnsMessage.CreateQuery(3, "example.test", DnsRecordType.A)));
        var unaffected = await client.QueryAsync("mx.example.test", QueryType.A);

        Assert.Equal(DnsResponseCode.NoError, (DnsResponseCode)unaffected.Header.ResponseCode);
        Assert.Equal(DnsClient.DnsResponseCode.ConnectionTimeout, exception.Code);
        Assert.Null(tcp);
    }

    [Fact]
    public async Task Servfail_on_one_nameserver_only()
    {
        await using var server = await StartAsync(DnsServerOptions.Default, Fault("ns:ns1.alpha-dns.test", "servfail"));

        var faulty = await RawDns.QueryUdpAsync(DnsTestWorld.Authoritative(server, DnsTestWorld.AlphaNs1), "example.test", DnsRecordType.A);
        var healthy = await RawDns.QueryUdpAsync(DnsTestWorld.Authoritative(server, DnsTestWorld.AlphaNs2), "example.test", DnsRecordType.A);
        var resolver = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "example.test", DnsRecordType.A);

        Assert.Equal(DnsResponseCode.ServerFailure, faulty.ResponseCode);
        Assert.Empty(faulty.Answers);
        Assert.Single(healthy.Answers);
        Assert.Single(resolver.Answers);
    }

    [Fact]
    public async Task Refused_for_a_name_at_resolver_and_authoritative_servers()
    {
        await using var server = await StartAsync(DnsServerOptions.Default, Fault("dns:mx.example.test", "refused"));
        var client = DnsTestWorld.Client(server.ResolverEndPoint);

        var viaClient = await client.QueryAsync("mx.example.test", QueryType.A);
        var authoritative = await RawDns.QueryTcpAsync(DnsTestWorld.Authoritative(server, DnsTestWorld.AlphaNs1), "mx.example.test", DnsRecordType.A);

        Assert.True(viaClient.HasError);
        Assert.Equal(DnsHeaderResponseCode.Refused, viaClient.Header.ResponseCode);
        Assert.Equal(DnsResponseCode.Refused, authoritative.ResponseCode);
    }

    [Fact]
    public async Task Truncated_sets_tc_over_udp_and_cuts_the_tcp_answer_mid_record()
    {
        await using var server = await StartAsync(DnsServerOptions.Default, Fault("dns:example.test", "truncated"));

        var udp = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "example.test", DnsRecordType.A);
        var tcpBytes = await RawDns.TcpAsync(server.ResolverEndPoint, DnsMessageWriter.Write(DnsMessage.CreateQuery(9, "example.test", DnsRecordType.A)));
        var tcpNoRecords = await RawDns.TcpAsync(server.ResolverEndPoint, DnsMessageWriter.Write(DnsMessage.CreateQuery(9, "example.test", DnsRecordType.TXT)));
        var viaClient = await CatchAsync(() => DnsTestWorld.Client(server.ResolverEndPoint).QueryAsync("example.test", QueryType.A));

        Assert.True(udp.Truncated);
        Assert.Empty(udp.Answers);
        var tcpRead = DnsMessageReader.Read(tcpBytes!);
        Assert.False(tcpRead.Success);
        Assert.Equal((ushort)9, tcpRead.Id);
        Assert.False(DnsMessageReader.Read(tcpNoRecords!).Success);
        AssertFailed(viaClient);
    }

    [Fact]
    public async Task Malformed_answers_carry_the_id_but_cannot_be_parsed()
    {
        await using var server = await StartAsync(DnsServerOptions.Default, Fault("*", "malformed"));

        var udp = await RawDns.UdpAsync(server.ResolverEndPoint, DnsMessageWriter.Write(DnsMessage.CreateQuery(0x7777, "example.test", DnsRecordType.A)));
        var authoritative = await RawDns.TcpAsync(DnsTestWorld.Authoritative(server, DnsTestWorld.BetaNs1), DnsMessageWriter.Write(DnsMessage.CreateQuery(0x7778, "other.test", DnsRecordType.A)));
        var viaClient = await CatchAsync(() => DnsTestWorld.Client(server.ResolverEndPoint).QueryAsync("example.test", QueryType.A));
        var viaTcpClient = await CatchAsync(() => DnsTestWorld.Client(server.ResolverEndPoint, tcpOnly: true).QueryAsync("example.test", QueryType.MX));

        var read = DnsMessageReader.Read(udp!);
        Assert.False(read.Success);
        Assert.Equal((ushort)0x7777, read.Id);
        Assert.Equal((ushort)0x7778, DnsMessageReader.Read(authoritative!).Id);
        AssertFailed(viaClient);
        AssertFailed(viaTcpClient);
    }

    [Fact]
    public async Task Star_applies_to_every_listener_and_non_dns_kinds_are_ignored()
    {
        await using var server = await StartAsync(DnsServerOptions.Default, Fault("*", "servfail"), Fault("*", "http-500"), Fault("web:example.test", "refused"));

        var resolver = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "example.test", DnsRecordType.A);
        var tld = await RawDns.QueryUdpAsync(DnsTestWorld.Authoritative(server, DnsTestWorld.TldNs), "example.test", DnsRecordType.NS);

        Assert.Equal(DnsResponseCode.ServerFailure, resolver.ResponseCode);
        Assert.Equal(DnsResponseCode.ServerFailure, tld.ResponseCode);
    }

    [Fact]
    public async Task Ns_fault_does_not_touch_the_resolver_or_other_hosts()
    {
        await using var server = await StartAsync(DnsServerOptions.Default, Fault("ns:a.nic.test", "refused"));

        var tld = await RawDns.QueryUdpAsync(DnsTestWorld.Authoritative(server, DnsTestWorld.TldNs), "example.test", DnsRecordType.NS);
        var resolver = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "example.test", DnsRecordType.NS);

        Assert.Equal(DnsResponseCode.Refused, tld.ResponseCode);
        Assert.Equal(2, resolver.Answers.Count);
    }

    private static async Task<object> CatchAsync(Func<Task<IDnsQueryResponse>> query)
    {
        try
        {
            return await query();
        }
        catch (DnsResponseException exception)
        {
            return exception;
        }
        catch (DnsResponseParseException exception)
        {
            return exception;
        }
    }

    private static void AssertFailed(object outcome)
    {
        if (outcome is IDnsQueryResponse response)
        {
            Assert.True(response.HasError || response.Header.ResultTruncated, "the client accepted a faulty answer");
            Assert.Empty(response.Answers);
        }
        else
        {
            Assert.True(outcome is DnsResponseException or DnsResponseParseException, $"unexpected {outcome.GetType()}");
        }
    }
}
