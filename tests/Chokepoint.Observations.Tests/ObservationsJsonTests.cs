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
    [InlineData("{\"format\": \"chokepoint-observations\", \"formatVersion\": 2}", "no \"domain\"")]
    [InlineData("{\"formatVersion\": 99, \"domain\": \"a.org\"}", "newer")]
    [InlineData("{\"formatVersion\": 2, \"domain\": \"a.org\", \"hosts\": 5}", "hosts: 5 where a list is expected")]
    public void Bad_input_is_an_error_not_an_exception(string json, string expected)
    {
        Assert.False(ObservationsJson.TryParse(json, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_files_carry_the_format_marker_first()
    {
        var json = ObservationsJson.Serialize(Sample());

        Assert.StartsWith("{\n  \"format\": \"chokepoint-observations\",", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(ObservationsJson.TryParse(json, out var parsed, out var error), error);
        Assert.Equal(SiteObservations.FormatMarker, parsed!.Format);
    }

    [Fact]
    public void A_report_json_is_refused_as_a_report()
    {
        const string Report = """{"reportVersion": "1.0", "domain": "a.org", "collectedAt": "2026-11-01T12:00:00Z", "layers": [], "chokepoints": []}""";

        Assert.False(ObservationsJson.TryParse(Report, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains("this is a Chokepoint report", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_har_capture_is_refused_as_a_har()
    {
        const string Har = """{"log": {"version": "1.2", "creator": {"name": "browser"}, "entries": []}}""";

        Assert.False(ObservationsJson.TryParse(Har, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains("this is a HAR capture", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"domain\": \"a.org\"}")]
    [InlineData("{\"name\": \"package\", \"version\": \"1.0.0\"}")]
    public void Other_json_without_the_marker_or_the_shape_is_refused(string json)
    {
        Assert.False(ObservationsJson.TryParse(json, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains("not an observations file: no \"format\": \"chokepoint-observations\" marker", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_another_format_marker_is_refused()
    {
        Assert.False(ObservationsJson.TryParse("""{"format": "something-else", "formatVersion": 2, "domain": "a.org"}""", out _, out var error));
        Assert.Contains("its \"format\" is \"something-else\"", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"formatVersion": 2, "domain": "a.org"}""")]
    [InlineData("""{"domain": "a.org", "collectedAt": "2026-11-01T12:00:00Z"}""")]
    [InlineData("""{"domain": "a.org", "unobserved": []}""")]
    public void Files_written_before_the_marker_are_read_by_their_shape(string json)
    {
        Assert.True(ObservationsJson.TryParse(json, out var parsed, out var error), error);
        Assert.Equal("a.org", parsed!.Domain);
    }

    [Fact]
    public void An_old_unmarked_version_1_file_is_read()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "onestack-demo.v1.json"));

        Assert.DoesNotContain("\"format\":", json, StringComparison.Ordinal);
        Assert.True(ObservationsJson.TryParse(json, out var parsed, out var error), error);
        Assert.Equal("onestack-demo.com", parsed!.Domain);
        Assert.Equal(1, parsed.FormatVersion);
    }
}
