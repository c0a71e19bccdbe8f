using System.Net;
using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Tests.Dns;

public sealed class SimulatedAuthoritativeTests : IAsyncLifetime
{
    private SimulatedDnsServer _server = null!;

    public async Task InitializeAsync() => _server = await DnsTestWorld.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(_server.Errors);
        await _server.DisposeAsync();
    }

    private IPEndPoint At(string address) => DnsTestWorld.Authoritative(_server, address);

    [Fact]
    public void Every_nameserver_address_listens_on_one_port()
    {
        Assert.NotEqual(0, _server.AuthoritativePort);
        Assert.Equal(
            new[] { DnsTestWorld.TldNs, DnsTestWorld.AlphaNs1, DnsTestWorld.AlphaNs2, DnsTestWorld.BetaNs1, DnsTestWorld.VanityNs }.Order(),
            _server.AuthoritativeEndPoints.Select(e => e.Address.ToString()).Order());
        Assert.All(_server.AuthoritativeEndPoints, e => Assert.Equal(_server.AuthoritativePort, e.Port));
    }

    [Fact]
    public async Task Serving_nameserver_answers_with_aa_over_udp_and_tcp()
    {
        var udp = await RawDns.QueryUdpAsync(At(DnsTestWorld.AlphaNs2), "example.test", DnsRecordType.A);
        var tcp = await RawDns.QueryTcpAsync(At(DnsTestWorld.AlphaNs1), "mx.example.test", DnsRecordType.A);

        Assert.True(udp.Authoritative);
        Assert.False(udp.RecursionAvailable);
        Assert.Equal(IPAddress.Parse("127.10.0.1"), Assert.IsType<AddressRecordData>(Assert.Single(udp.Answers).Data).Address);
        Assert.True(tcp.Authoritative);
        Assert.Single(tcp.Answers);
    }

    [Fact]
    public async Task Serving_nameserver_answers_nxdomain_authoritatively_and_does_not_chase_out_of_zone()
    {
        var missing = await RawDns.QueryUdpAsync(At(DnsTestWorld.AlphaNs1), "nope.example.test", DnsRecordType.A);
        var www = await RawDns.QueryUdpAsync(At(DnsTestWorld.AlphaNs1), "www.example.test", DnsRecordType.A);

        Assert.True(missing.Authoritative);
        Assert.Equal(DnsResponseCode.NameError, missing.ResponseCode);
        Assert.Equal(DnsRecordType.SOA, Assert.Single(missing.Authorities).Type);
        Assert.Equal(DnsRecordType.CNAME, Assert.Single(www.Answers).Type);
    }

    [Fact]
    public async Task Held_domain_is_still_answered_by_its_own_nameservers()
    {
        var response = await RawDns.QueryUdpAsync(At(DnsTestWorld.AlphaNs1), "held.test", DnsRecordType.A);

        Assert.True(response.Authoritative);
        Assert.Single(response.Answers);
    }

    [Theory]
    [InlineData(DnsTestWorld.BetaNs1, "example.test")] // a zone of another service: lame
    [InlineData(DnsTestWorld.AlphaNs1, "other.test")]
    [InlineData(DnsTestWorld.AlphaNs1, "example.org")] // nothing at all
    [InlineData(DnsTestWorld.TldNs, "example.org")] // outside the registry's TLD
    public async Task Other_zones_are_refused(string address, string name)
    {
        var response = await RawDns.QueryUdpAsync(At(address), name, DnsRecordType.A);

        Assert.Equal(DnsResponseCode.Refused, response.ResponseCode);
        Assert.False(response.Authoritative);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public async Task Tld_server_refers_with_ns_and_ds_and_no_aa()
    {
        var response = await RawDns.QueryUdpAsync(At(DnsTestWorld.TldNs), "www.example.test", DnsRecordType.A);

        Assert.Equal(DnsResponseCode.NoError, response.ResponseCode);
        Assert.False(response.Authoritative);
        Assert.Empty(response.Answers);
        var ns = response.Authorities.Where(r => r.Type == DnsRecordType.NS).ToList();
        Assert.Equal(["ns1.alpha-dns.test", "ns2.alpha-dns.test"], ns.Select(r => ((NameRecordData)r.Data).Target).Order());
        Assert.All(ns, r => Assert.Equal(("example.test", 3600u), (r.Name, r.Ttl)));
        Assert.Single(response.Authorities, r => r.Type == DnsRecordType.DS);
        Assert.Empty(response.Additionals); // the nameservers are out of bailiwick: no glue
    }

    [Fact]
    public async Task Tld_referral_carries_glue_for_in_bailiwick_nameservers()
    {
        var response = await RawDns.QueryTcpAsync(At(DnsTestWorld.TldNs), "vanity.test", DnsRecordType.A);

        var ns = Assert.Single(response.Authorities);
        Assert.Equal("ns1.vanity.test", ((NameRecordData)ns.Data).Target);
        var glue = Assert.Single(response.Additionals);
        Assert.Equal("ns1.vanity.test", glue.Name);
        Assert.Equal(IPAddress.Parse(DnsTestWorld.VanityNs), ((AddressRecordData)glue.Data).Address);
    }

    [Fact]
    public async Task Tld_server_answers_ds_authoritatively_and_nxdomain_for_unregistered_or_held()
    {
        var ds = await RawDns.QueryUdpAsync(At(DnsTestWorld.TldNs), "example.test", DnsRecordType.DS);
        var unregistered = await RawDns.QueryUdpAsync(At(DnsTestWorld.TldNs), "nobody.test", DnsRecordType.A);
        var held = await RawDns.QueryUdpAsync(At(DnsTestWorld.TldNs), "held.test", DnsRecordType.A);
        var apex = await RawDns.QueryUdpAsync(At(DnsTestWorld.TldNs), "test", DnsRecordType.SOA);

        Assert.True(ds.Authoritative);
        Assert.IsType<DsRecordData>(Assert.Single(ds.Answers).Data);
        Assert.Equal(DnsResponseCode.NameError, unregistered.ResponseCode);
        Assert.True(unregistered.Authoritative);
        Assert.Equal(DnsResponseCode.NameError, held.ResponseCode);
        Assert.Equal("test", Assert.Single(apex.Answers).Name);
    }

    [Fact]
    public async Task Resolver_and_authoritative_answers_agree_through_dnsclient()
    {
        var client = DnsTestWorld.Client(At(DnsTestWorld.BetaNs1));

        var response = await client.QueryAsync("web.other.test", DnsClient.QueryType.A);

        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.Equal(IPAddress.Parse("127.10.0.2"), Assert.Single(response.Answers.ARecords()).Address);
    }
}
