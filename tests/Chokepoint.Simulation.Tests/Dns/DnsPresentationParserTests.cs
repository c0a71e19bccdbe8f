using System.Net;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Tests.Dns;

public sealed class DnsPresentationParserTests
{
    private static DnsRecordData Parse(string type, string data, string origin = "example.com")
    {
        Assert.True(DnsPresentationParser.TryParse(type, data, origin, out var result, out var error), error);
        return result!;
    }

    [Theory]
    [InlineData("@", "example.com")]
    [InlineData("www", "www.example.com")]
    [InlineData("mx.other.net.", "mx.other.net")]
    [InlineData(".", "")]
    public void Names_resolve_against_the_origin(string name, string expected) =>
        Assert.Equal(expected, DnsPresentationParser.ResolveName(name, "example.com."));

    [Fact]
    public void Mx_with_relative_and_absolute_exchange()
    {
        Assert.Equal(new MxRecordData(10, "mx.example.com"), Parse("MX", "10 mx"));
        Assert.Equal(new MxRecordData(20, "mx.other.net"), Parse("mx", "20 mx.other.net."));
    }

    [Fact]
    public void Caa_with_quoted_value() =>
        Assert.Equal(new CaaRecordData(0, "issue", "letsencrypt.org"), Parse("CAA", "0 issue \"letsencrypt.org\""));

    [Fact]
    public void Soa_with_seven_fields() =>
        Assert.Equal(
            new SoaRecordData("ns1.example.com", "hostmaster.example.com", 2024010101, 7200, 3600, 1209600, 300),
            Parse("SOA", "ns1 hostmaster.example.com. 2024010101 7200 3600 1209600 300"));

    [Fact]
    public void Txt_with_several_quoted_strings_and_escapes()
    {
        var txt = Assert.IsType<TxtRecordData>(Parse("TXT", "\"v=spf1 include:_spf.google.com\" \" ~all\" \"say \\\"hi\\\"\""));

        Assert.Equal(["v=spf1 include:_spf.google.com", " ~all", "say \"hi\""], txt.Strings);
    }

    [Fact]
    public void Address_records()
    {
        Assert.Equal(new AddressRecordData(IPAddress.Parse("127.0.0.5")), Parse("A", "127.0.0.5"));
        Assert.Equal(DnsRecordType.AAAA, Parse("AAAA", "::1").Type);
    }

    [Fact]
    public void Ns_and_cname_at_the_apex()
    {
        Assert.Equal(new NameRecordData(DnsRecordType.CNAME, "example.com"), Parse("CNAME", "@"));
        Assert.Equal(new NameRecordData(DnsRecordType.NS, "ns1.host.net"), Parse("NS", "ns1.host.net."));
    }

    [Fact]
    public void Ds_and_dnskey()
    {
        var ds = Assert.IsType<DsRecordData>(Parse("DS", "12345 13 2 ABCD 01"));
        var key = Assert.IsType<DnskeyRecordData>(Parse("DNSKEY", "257 3 13 AQID"));

        Assert.Equal(new byte[] { 0xAB, 0xCD, 0x01 }, ds.Digest);
        Assert.Equal(new byte[] { 1, 2, 3 }, key.PublicKey);
    }

    [Theory]
    [InlineData("A", "::1")]
    [InlineData("AAAA", "127.0.0.1")]
    [InlineData("MX", "mx.example.com.")]
    [InlineData("MX", "70000 mx")]
    [InlineData("SOA", "ns1 hostmaster 1 2 3")]
    [InlineData("TXT", "\"unterminated")]
    [InlineData("TXT", "")]
    [InlineData("CAA", "0 is-sue \"x\"")]
    [InlineData("SRV", "0 0 443 x")]
    [InlineData("DS", "1 2 3 nothex")]
    public void Invalid_data_is_reported_not_thrown(string type, string data)
    {
        Assert.False(DnsPresentationParser.TryParse(type, data, "example.com", out var result, out var error));
        Assert.Null(result);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Every_record_the_demo_world_accepts_is_one_the_servers_parse()
    {
        var world = Chokepoint.Simulation.Demo.DemoWorld.Load();

        var failures = world.Zones
            .SelectMany(zone => zone.Records.Select(record => (zone.Name, Record: record)))
            .Where(item => !DnsPresentationParser.TryParse(item.Record.Type, item.Record.Data, item.Name, out _, out _))
            .Select(item => $"{item.Name} {item.Record.Type} {item.Record.Data}")
            .ToList();

        Assert.NotEmpty(world.Zones.SelectMany(zone => zone.Records));
        Assert.Empty(failures);
    }

    [Fact]
    public void Parentheses_only_continue_a_record_and_quoted_ones_are_data()
    {
        var soa = Parse("SOA", "ns1.example.com. admin.example.com. ( 1 7200 3600 1209600 300 )");
        var txt = Parse("TXT", "\"(\" \"x\"");

        Assert.Contains("1209600", soa.ToString(), StringComparison.Ordinal);
        Assert.Contains("(", txt.ToString(), StringComparison.Ordinal);
    }
}
