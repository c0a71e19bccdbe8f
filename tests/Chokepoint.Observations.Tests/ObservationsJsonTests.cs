using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;

namespace Chokepoint.Observations.Tests;

public sealed class ObservationsJsonTests
{
    private static SiteObservations Sample() => new()
    {
        Domain = "example.org",
        CollectedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        Network = "demo",
        Dns = new DnsObservation
        {
            ParentNs = new RecordSetObservation { Values = ["ns1.example.net", "ns2.example.net"], Ttl = 172800 },
            NameServers = [new NameServerObservation { Host = "ns1.example.net", AtParent = true, State = "authoritative" }],
        },
        Hosts = [new HostObservation { Name = "example.org", Addresses = [new AddressObservation { Ip = "127.16.0.5", Asn = 16509, AsOrganization = "AMAZON-02" }] }],
        Unobserved = [new Unobserved("rdap", "timed out after 5 s")],
    };

    [Fact]
    public void Round_trip_keeps_every_fact()
    {
        var json = ObservationsJson.Serialize(Sample());

        Assert.True(ObservationsJson.TryParse(json, out var parsed, out var error), error);
        Assert.Equal("example.org", parsed!.Domain);
        Assert.Equal(172800, parsed.Dns!.ParentNs!.Ttl);
        Assert.Equal(16509, parsed.Hosts[0].Addresses[0].Asn);
        Assert.Equal("timed out after 5 s", parsed.Unobserved[0].Reason);
        Assert.Equal(json, ObservationsJson.Serialize(parsed));
    }

    [Fact]
    public void Field_names_are_the_documented_camel_case_names()
    {
        var json = ObservationsJson.Serialize(Sample());

        Assert.Contains("\"formatVersion\": 2", json, StringComparison.Ordinal);
        Assert.Contains("\"parentNs\"", json, StringComparison.Ordinal);
        Assert.Contains("\"asOrganization\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not valid observations JSON")]
    [InlineData("{ \"domain\": ", "not valid observations JSON")]
    [InlineData("[1,2]", "one JSON object")]
    [InlineData("{}", "no \"domain\"")]
    [InlineData("{\"formatVersion\": 99, \"domain\": \"a.org\"}", "newer")]
    [InlineData("{\"domain\": \"a.org\", \"hosts\": 5}", "not valid observations JSON")]
    public void Bad_input_is_an_error_not_an_exception(string json, string expected)
    {
        Assert.False(ObservationsJson.TryParse(json, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
