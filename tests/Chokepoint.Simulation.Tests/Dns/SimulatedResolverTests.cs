using System.Net;
using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.Dns.Wire;
using DnsClient;
using DnsClient.Protocol;
using DnsResponseCode = DnsClient.DnsHeaderResponseCode;
using WireRecord = Chokepoint.Simulation.Dns.Wire.DnsResourceRecord;
using WireCode = Chokepoint.Simulation.Dns.Wire.DnsResponseCode;

namespace Chokepoint.Simulation.Tests.Dns;

public sealed class SimulatedResolverTests : IAsyncLifetime
{
    private SimulatedDnsServer _server = null!;
    private LookupClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await DnsTestWorld.StartAsync();
        _client = DnsTestWorld.Client(_server.ResolverEndPoint);
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_server.Errors);
        await _server.DisposeAsync();
    }

    [Fact]
    public void World_has_no_problems_and_resolver_is_on_loopback()
    {
        Assert.Empty(_server.WorldProblems);
        Assert.Equal(IPAddress.Loopback, _server.ResolverEndPoint.Address);
        Assert.NotEqual(0, _server.ResolverEndPoint.Port);
    }

    [Fact]
    public async Task A_and_AAAA()
    {
        var a = await _client.QueryAsync("example.test", QueryType.A);
        var aaaa = await _client.QueryAsync("example.test", QueryType.AAAA);

        Assert.Equal(DnsResponseCode.NoError, a.Header.ResponseCode);
        Assert.True(a.Header.RecursionAvailable);
        Assert.False(a.Header.HasAuthorityAnswer);
        Assert.Equal(IPAddress.Parse("127.10.0.1"), Assert.Single(a.Answers.ARecords()).Address);
        Assert.Equal(IPAddress.IPv6Loopback, Assert.Single(aaaa.Answers.AaaaRecords()).Address);
    }

    [Fact]
    public async Task Names_match_case_insensitively()
    {
        var response = await _client.QueryAsync("WWW.Example.TEST", QueryType.A);

        Assert.Equal(IPAddress.Parse("127.10.0.2"), Assert.Single(response.Answers.ARecords()).Address);
    }

    [Fact]
    public async Task Synthesised_ns_and_soa_come_from_the_serving_service()
    {
        var ns = await _client.QueryAsync("example.test", QueryType.NS);
        var soa = await _client.QueryAsync("example.test", QueryType.SOA);

        Assert.Equal(["ns1.alpha-dns.test.", "ns2.alpha-dns.test."], ns.Answers.NsRecords().Select(r => r.NSDName.Value).Order());
        var record = Assert.Single(soa.Answers.SoaRecords());
        Assert.Equal("ns1.alpha-dns.test.", record.MName.Value);
        Assert.Equal("hostmaster.example.test.", record.RName.Value);
    }

    [Fact]
    public async Task Explicit_soa_is_served_as_written()
    {
        var soa = Assert.Single((await _client.QueryAsync("other.test", QueryType.SOA)).Answers.SoaRecords());

        Assert.Equal(42u, soa.Serial);
        Assert.Equal("dns.other.test.", soa.RName.Value);
    }

    [Fact]
    public async Task Mx_with_relative_and_absolute_exchanges()
    {
        var mx = (await _client.QueryAsync("example.test", QueryType.MX)).Answers.MxRecords().OrderBy(r => r.Preference).ToList();

        Assert.Equal([(10, "mx.example.test."), (20, "mx.other.test.")], mx.Select(r => ((int)r.Preference, r.Exchange.Value)));
    }

    [Fact]
    public async Task Txt_and_long_txt_split_into_strings()
    {
        var spf = Assert.Single((await _client.QueryAsync("example.test", QueryType.TXT)).Answers.TxtRecords());
        var longTxt = Assert.Single((await _client.QueryAsync("long.example.test", QueryType.TXT)).Answers.TxtRecords());

        Assert.Equal("v=spf1 include:_spf.other.test -all", Assert.Single(spf.Text));
        Assert.Equal([255, 45, 6], longTxt.Text.Select(t => t.Length));
    }

    [Fact]
    public async Task Caa()
    {
        var caa = Assert.Single((await _client.QueryAsync("example.test", QueryType.CAA)).Answers.CaaRecords());

        Assert.Equal((0, "issue", "letsencrypt.org"), (caa.Flags, caa.Tag, caa.Value));
    }

    [Fact]
    public async Task Dnskey_of_a_signed_zone_and_matching_ds_from_the_parent()
    {
        var key = Assert.Single((await _client.QueryAsync("example.test", QueryType.DNSKEY)).Answers.OfType<DnsKeyRecord>());
        var ds = Assert.Single((await _client.QueryAsync("example.test", QueryType.DS)).Answers.OfType<DsRecord>());
        var unsignedKey = await _client.QueryAsync("other.test", QueryType.DNSKEY);
        var noDs = await _client.QueryAsync("other.test", QueryType.DS);

        Assert.Equal(257, key.Flags);
        Assert.Equal(3, key.Protocol);
        Assert.Equal(13, (int)key.Algorithm);
        Assert.Equal(13, (int)ds.Algorithm);
        Assert.Equal(2, ds.DigestType);
        Assert.Equal(32, ds.Digest.Count);
        Assert.Empty(unsignedKey.Answers);
        Assert.Empty(noDs.Answers);
        Assert.Equal("test.", Assert.Single(noDs.Authorities.SoaRecords()).DomainName.Value);
    }

    [Fact]
    public async Task Cname_is_chased_across_zones()
    {
        var response = await _client.QueryAsync("www.example.test", QueryType.A);

        Assert.Equal("web.other.test.", Assert.Single(response.Answers.CnameRecords()).CanonicalName.Value);
        Assert.Equal(IPAddress.Parse("127.10.0.2"), Assert.Single(response.Answers.ARecords()).Address);
    }

    [Fact]
    public async Task Cname_chain_inside_and_across_zones()
    {
        var response = await _client.QueryAsync("alias.example.test", QueryType.A);

        Assert.Equal(2, response.Answers.CnameRecords().Count());
        Assert.Equal(IPAddress.Parse("127.10.0.2"), Assert.Single(response.Answers.ARecords()).Address);
    }

    [Fact]
    public async Task Cname_loop_ends_in_servfail()
    {
        var response = await _client.QueryAsync("loop1.example.test", QueryType.A);

        Assert.Equal(DnsResponseCode.ServerFailure, response.Header.ResponseCode);
        Assert.Equal(2, response.Answers.CnameRecords().Count());
    }

    [Fact]
    public async Task Nxdomain_carries_the_zone_soa()
    {
        var response = await _client.QueryAsync("missing.example.test", QueryType.A);

        Assert.Equal(DnsResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
        var soa = Assert.Single(response.Authorities.SoaRecords());
        Assert.Equal("example.test.", soa.DomainName.Value);

        // The zone's 300 s, less the seconds the answer spent in the resolver's cache (another test may have asked).
        Assert.InRange(soa.TimeToLive, 280, 300);
    }

    [Fact]
    public async Task Nodata_is_noerror_with_soa()
    {
        var response = await _client.QueryAsync("mx.example.test", QueryType.TXT);

        Assert.Equal(DnsResponseCode.NoError, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
        Assert.Single(response.Authorities.SoaRecords());
    }

    [Fact]
    public async Task Empty_non_terminal_is_nodata_and_wildcard_matches()
    {
        var emptyNonTerminal = await _client.QueryAsync("b.deep.example.test", QueryType.A);
        var wildcard = await _client.QueryAsync("anything.wild.example.test", QueryType.A);

        Assert.Equal(DnsResponseCode.NoError, emptyNonTerminal.Header.ResponseCode);
        Assert.Empty(emptyNonTerminal.Answers);
        var record = Assert.Single(wildcard.Answers.ARecords());
        Assert.Equal("anything.wild.example.test.", record.DomainName.Value);
        Assert.Equal(IPAddress.Parse("127.10.0.7"), record.Address);
    }

    [Fact]
    public async Task Unregistered_name_in_a_tld_is_nxdomain_with_the_tld_soa()
    {
        var response = await _client.QueryAsync("nobody.test", QueryType.A);

        Assert.Equal(DnsResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.Equal("test.", Assert.Single(response.Authorities.SoaRecords()).DomainName.Value);
    }

    [Fact]
    public async Task Domain_on_hold_is_nxdomain_although_its_zone_is_served()
    {
        var response = await _client.QueryAsync("held.test", QueryType.A);

        Assert.Equal(DnsResponseCode.NotExistentDomain, response.Header.ResponseCode);
    }

    [Theory]
    [InlineData("lame.test")] // delegated to a service that does not serve the zone
    [InlineData("unserved.test")] // no zone at all
    public async Task Lame_delegation_is_servfail(string name)
    {
        var response = await _client.QueryAsync(name, QueryType.A);

        Assert.Equal(DnsResponseCode.ServerFailure, response.Header.ResponseCode);
    }

    [Fact]
    public async Task Nameserver_hosts_resolve_to_their_addresses()
    {
        var response = await _client.QueryAsync("ns2.alpha-dns.test", QueryType.A);

        Assert.Equal(IPAddress.Parse(DnsTestWorld.AlphaNs2), Assert.Single(response.Answers.ARecords()).Address);
    }

    [Fact]
    public async Task Tld_apex_lists_registry_nameservers()
    {
        var response = await _client.QueryAsync("test", QueryType.NS);

        Assert.Equal("a.nic.test.", Assert.Single(response.Answers.NsRecords()).NSDName.Value);
    }

    [Theory]
    [InlineData("1.0.10.127.origin.asn.cymru.com", "64500 | 127.10.0.0/16 | ZZ | sim | 2020-01-01")]
    [InlineData("5.1.10.127.origin.asn.cymru.com", "64501 | 127.10.1.0/24 | ZZ | sim | 2020-01-01")]
    [InlineData("AS64501.asn.cymru.com", "64501 | ZZ | sim | 2020-01-01 | MORE-SPECIFIC")]
    [InlineData("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.origin6.asn.cymru.com", "64502 | ::1/128 | ZZ | sim | 2020-01-01")]
    public async Task Cymru_ip_to_asn_answers_use_longest_prefix_match(string name, string expected)
    {
        var txt = Assert.Single((await _client.QueryAsync(name, QueryType.TXT)).Answers.TxtRecords());

        Assert.Equal(expected, Assert.Single(txt.Text));
    }

    [Theory]
    [InlineData("1.0.0.10.origin.asn.cymru.com")]
    [InlineData("AS1.asn.cymru.com")]
    [InlineData("bogus.origin.asn.cymru.com")]
    public async Task Cymru_unknown_address_or_asn_is_nxdomain(string name)
    {
        var response = await _client.QueryAsync(name, QueryType.TXT);

        Assert.Equal(DnsResponseCode.NotExistentDomain, response.Header.ResponseCode);
    }

    [Fact]
    public async Task Large_answer_is_truncated_over_udp_and_whole_over_tcp()
    {
        var udpOnly = DnsTestWorld.Client(_server.ResolverEndPoint, tcpFallback: false);
        var udpFailure = await Assert.ThrowsAsync<DnsResponseException>(() => udpOnly.QueryAsync("huge.example.test", QueryType.TXT));
        var udp = await RawDns.QueryUdpAsync(_server.ResolverEndPoint, "huge.example.test", DnsRecordType.TXT, edns: 4096);
        var tcp = await DnsTestWorld.Client(_server.ResolverEndPoint, tcpOnly: true).QueryAsync("huge.example.test", QueryType.TXT);
        var fallback = await _client.QueryAsync("huge.example.test", QueryType.TXT);

        Assert.Contains("truncated", udpFailure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(udp.Truncated);
        Assert.Empty(udp.Answers);
        Assert.False(tcp.Header.ResultTruncated);
        Assert.Equal(8, Assert.Single(tcp.Answers.TxtRecords()).Text.Count);
        Assert.Equal(8, Assert.Single(fallback.Answers.TxtRecords()).Text.Count);
    }

    [Fact]
    public async Task Udp_limit_is_512_without_edns_and_the_client_size_with_it()
    {
        var plain = await RawDns.QueryUdpAsync(_server.ResolverEndPoint, "long.example.test", DnsRecordType.TXT);
        var withEdns = await RawDns.QueryUdpAsync(_server.ResolverEndPoint, "long.example.test", DnsRecordType.TXT, edns: 1232);
        var huge = await RawDns.QueryUdpAsync(_server.ResolverEndPoint, "huge.example.test", DnsRecordType.TXT, edns: 4096);

        Assert.False(plain.Truncated); // about 360 bytes
        Assert.Null(plain.Opt);
        Assert.False(withEdns.Truncated);
        var opt = Assert.IsType<WireRecord>(withEdns.Opt);
        Assert.Equal(DnsServerOptions.Default.MaxUdpPayloadSize, opt.Class);
        Assert.True(huge.Truncated); // about 2 KB, above the server's 1232-byte cap
        Assert.NotNull(huge.Opt);
    }

    [Fact]
    public async Task Answer_between_512_and_edns_size_needs_edns()
    {
        var world = DnsTestWorld.Create();
        world.Zones[0].Records.Add(new World.ResourceRecord { Name = "medium", Type = "TXT", Data = $"\"{new string('m', 250)}\" \"{new string('n', 250)}\"" });
        await using var server = await SimulatedDnsServer.StartAsync(world, DnsServerOptions.Default, CancellationToken.None);

        var plain = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "medium.example.test", DnsRecordType.TXT);
        var withEdns = await RawDns.QueryUdpAsync(server.ResolverEndPoint, "medium.example.test", DnsRecordType.TXT, edns: 1232);
        var overTcp = await RawDns.QueryTcpAsync(server.ResolverEndPoint, "medium.example.test", DnsRecordType.TXT);

        Assert.True(plain.Truncated);
        Assert.Empty(plain.Answers);
        Assert.False(withEdns.Truncated);
        Assert.Single(withEdns.Answers);
        Assert.False(overTcp.Truncated);
        Assert.Single(overTcp.Answers);
    }

    [Fact]
    public async Task Rd_is_copied_and_ra_set()
    {
        var query = DnsMessage.CreateQuery(7, "example.test", DnsRecordType.A) with { RecursionDesired = false };
        var response = DnsMessageReader.Read((await RawDns.UdpAsync(_server.ResolverEndPoint, DnsMessageWriter.Write(query)))!).Message!;

        Assert.False(response.RecursionDesired);
        Assert.True(response.RecursionAvailable);
        Assert.Equal(7, response.Id);
    }

    [Fact]
    public async Task Garbage_gets_formerr_and_the_listener_keeps_answering()
    {
        var formErr = await RawDns.UdpAsync(_server.ResolverEndPoint, [0xAB, 0xCD, 0x01, 0x00, 0x00, 0x01, 0xFF]);
        var silent = await RawDns.UdpAsync(_server.ResolverEndPoint, [0x01], TimeSpan.FromMilliseconds(300));
        var tcpGarbage = await RawDns.TcpAsync(_server.ResolverEndPoint, [0x12, 0x34, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3F, 0x01]);
        var after = await _client.QueryAsync("example.test", QueryType.A);

        var formErrMessage = DnsMessageReader.Read(formErr!).Message!;
        Assert.Equal(0xABCD, formErrMessage.Id);
        Assert.Equal(WireCode.FormatError, formErrMessage.ResponseCode);
        Assert.Null(silent);
        Assert.Equal(WireCode.FormatError, DnsMessageReader.Read(tcpGarbage!).Message!.ResponseCode);
        Assert.Single(after.Answers.ARecords());
    }
}
