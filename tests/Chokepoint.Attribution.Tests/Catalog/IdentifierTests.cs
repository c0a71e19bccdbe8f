using System.Net;
using System.Text.Json;
using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

public sealed class IdentifierTests
{
    private static readonly IPAddress CloudflareAddress = IPAddress.Parse("192.0.2.10");

    private static (int asn, string org)? FakeAsn(IPAddress address) =>
        address.Equals(CloudflareAddress) ? (13335, "CLOUDFLARENET") :
        address.Equals(IPAddress.Parse("192.0.2.99")) ? (64500, "EXAMPLE-NET") : null;

    private readonly Identifier _identifier = new(TestCatalogs.Standard(), FakeAsn);

    [Fact]
    public void Identify_json_has_the_documented_shape()
    {
        var result = _identifier.Identify("NS", "AMY.NS.Cloudflare.com.");
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result));
        var root = json.RootElement;
        Assert.Equal(
            ["kind", "value", "normalized", "entity", "owner", "service", "provider", "providerId", "rule", "source", "unknownReason"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ns", root.GetProperty("kind").GetString());
        Assert.Equal("AMY.NS.Cloudflare.com.", root.GetProperty("value").GetString());
        Assert.Equal("amy.ns.cloudflare.com", root.GetProperty("normalized").GetString());
        Assert.Equal("cloudflare", root.GetProperty("entity").GetProperty("id").GetString());
        Assert.Equal("Cloudflare, Inc.", root.GetProperty("entity").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("entity").GetProperty("parent").ValueKind);
        Assert.Equal("dns", root.GetProperty("service").GetString());
        Assert.Equal("Cloudflare DNS", root.GetProperty("provider").GetString());
        Assert.Equal("ns", root.GetProperty("rule").GetProperty("kind").GetString());
        Assert.Equal("cloudflare.com", root.GetProperty("rule").GetProperty("pattern").GetString());
        Assert.Equal("https://example.org/1", root.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("unknownReason").ValueKind);
    }

    [Fact]
    public void Unknown_value_has_null_entity_and_a_reason()
    {
        var result = _identifier.Identify("ns", "ns1.example.net");
        Assert.False(result.IsKnown);
        Assert.Null(result.Entity);
        Assert.Null(result.Rule);
        Assert.Equal("ns1.example.net", result.Normalized);
        Assert.Contains("no catalog rule matches ns 'ns1.example.net'", result.UnknownReason, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("entity").ValueKind);
    }

    [Fact]
    public void Entity_parent_and_owner_show_the_roll_up()
    {
        var result = _identifier.Identify("ns", "ns1.p01.dynect.net");
        Assert.Equal("dyn-sub", result.Entity?.Id);
        Assert.Equal("dyn", result.Entity?.Parent);
        Assert.Equal("oracle", result.Owner?.Id);
    }

    [Fact]
    public void Ip_goes_through_the_asn_lookup()
    {
        var known = _identifier.Identify("ip", "192.0.2.10");
        Assert.Equal("AS13335", known.Normalized);
        Assert.Equal("cloudflare", known.Entity?.Id);
        Assert.Equal("asn", known.Rule?.Kind);

        var unlisted = _identifier.Identify("ip", "192.0.2.99");
        Assert.Null(unlisted.Entity);
        Assert.Contains("AS64500 (EXAMPLE-NET)", unlisted.UnknownReason, StringComparison.Ordinal);

        var unrouted = _identifier.Identify("ip", "192.0.2.1");
        Assert.Contains("no network announcing 192.0.2.1", unrouted.UnknownReason, StringComparison.Ordinal);

        Assert.Contains("not an IP address", _identifier.Identify("ip", "example.com").UnknownReason, StringComparison.Ordinal);
        var noData = new Identifier(TestCatalogs.Standard()).Identify("ip", "192.0.2.10");
        Assert.Contains("no IP-to-ASN data", noData.UnknownReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("146", "registrar-iana")]
    [InlineData("GoDaddy.com, LLC", "registrar-name")]
    public void Registrar_accepts_an_iana_id_or_a_name(string value, string ruleKind)
    {
        var result = _identifier.Identify("registrar", value);
        Assert.Equal("godaddy-registrar", result.ProviderId);
        Assert.Equal(ruleKind, result.Rule?.Kind);
        Assert.Equal("registrar", result.Kind);
    }

    [Fact]
    public void Header_takes_name_and_value()
    {
        var result = _identifier.Identify("header", "Server: cloudflare");
        Assert.Equal("server: cloudflare", result.Normalized);
        Assert.Equal("cloudflare-cdn", result.ProviderId);
        Assert.Equal("server: cloudflare", result.Rule?.Pattern);
    }

    [Fact]
    public void Unknown_kind_and_invalid_values_are_reported_as_data()
    {
        var kind = _identifier.Identify("smtp", "x");
        Assert.Contains("unknown kind 'smtp'", kind.UnknownReason, StringComparison.Ordinal);
        Assert.Contains("registrar", kind.UnknownReason, StringComparison.Ordinal);

        var invalid = _identifier.Identify("asn", "ASX");
        Assert.Null(invalid.Normalized);
        Assert.Contains("not an AS number", invalid.UnknownReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ns", SignalKind.Ns)]
    [InlineData("CNAME", SignalKind.Cname)]
    [InlineData("mx", SignalKind.Mx)]
    [InlineData("ip", SignalKind.Asn)]
    [InlineData("issuer", SignalKind.Issuer)]
    [InlineData("header", SignalKind.Header)]
    [InlineData("registrar", SignalKind.RegistrarName)]
    [InlineData("registrar-iana", SignalKind.RegistrarIana)]
    [InlineData("affiliate-param", SignalKind.AffiliateParam)]
    public void SignalKinds_parse_cli_words(string word, SignalKind expected)
    {
        Assert.True(SignalKinds.TryParse(word, out var kind));
        Assert.Equal(expected, kind);
        Assert.False(SignalKinds.TryParse("smtp", out _));
    }

    [Fact]
    public void Every_kind_round_trips_through_its_word()
    {
        foreach (var kind in Enum.GetValues<SignalKind>())
        {
            Assert.True(SignalKinds.TryParse(SignalKinds.ToWord(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }
    }
}
