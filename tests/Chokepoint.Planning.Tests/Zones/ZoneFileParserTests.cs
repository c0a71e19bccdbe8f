using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Zones;

public sealed class ZoneFileParserTests
{
    [Fact]
    public void Reads_parentheses_comments_relative_names_and_omitted_owners()
    {
        const string text = """
            ; a hand-written zone
            $ORIGIN Example.ORG.
            $TTL 1h
            @  IN  SOA ns1 hostmaster ( 2024010101 ; serial
                       2h   ; refresh
                       1h   ; retry
                       2w   ; expire
                       300 ) ; minimum
               IN  NS  ns1            ; owner omitted: still @
               IN  NS  ns.other-dns.net.
            ns1 300 IN A 192.0.2.53
            www IN 600 CNAME @
            mail   MX 10 mx1.example-mail.net.
            txt    TXT ( "first part "
                         "second part" ) ; joined
            """;

        var result = ZoneFileParser.Parse(text);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(
            [
                ZoneRecord.Soa("example.org", 3600, "ns1.example.org", "hostmaster.example.org", 2024010101, 7200, 3600, 1209600, 300),
                ZoneRecord.Ns("example.org", 3600, "ns1.example.org"),
                ZoneRecord.Ns("example.org", 3600, "ns.other-dns.net"),
                ZoneRecord.A("ns1.example.org", 300, "192.0.2.53"),
                ZoneRecord.Cname("www.example.org", 600, "example.org"),
                ZoneRecord.Mx("mail.example.org", 3600, 10, "mx1.example-mail.net"),
                ZoneRecord.Txt("txt.example.org", 3600, "first part second part"),
            ],
            result.Records);
    }

    [Fact]
    public void Origin_can_be_given_by_the_caller()
    {
        var result = ZoneFileParser.Parse("www 60 A 192.0.2.1\n", origin: "example.net", defaultTtl: 120);

        Assert.Equal(ZoneRecord.A("www.example.net", 60, "192.0.2.1"), Assert.Single(result.Records));
    }

    [Fact]
    public void Records_without_ttl_take_the_previous_ttl_when_no_dollar_ttl()
    {
        var result = ZoneFileParser.Parse("a 90 A 192.0.2.1\nb A 192.0.2.2\n", origin: "example.net");

        Assert.Equal([90u, 90u], result.Records.Select(r => r.Ttl).ToArray());
    }

    [Theory]
    [InlineData("www A 300.1.1.1", "invalid address")]
    [InlineData("www A 2001:db8::1", "invalid address")]
    [InlineData("www SRV 0 0 443 host.", "unsupported or invalid record type")]
    [InlineData("www TXT \"unterminated", "unterminated quoted string")]
    [InlineData("www MX host.", "expected 2 fields")]
    [InlineData("$INCLUDE other.zone", "unsupported directive")]
    [InlineData("www CH TXT \"x\"", "class CH is not supported")]
    [InlineData("www CAA 256 issue \"ca.example\"", "invalid flags")]
    public void Bad_entries_are_reported_as_errors_not_exceptions(string line, string expected)
    {
        var result = ZoneFileParser.Parse("$ORIGIN example.org.\n" + line + "\nok A 192.0.2.1\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Contains(result.Records, r => r.Name == "ok.example.org.");
    }

    [Fact]
    public void Unbalanced_parenthesis_swallows_the_rest_and_is_reported()
    {
        var result = ZoneFileParser.Parse("$ORIGIN example.org.\nwww TXT ( \"open\"\nok A 192.0.2.1\n");

        Assert.Contains("unbalanced '('", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Txt_strings_over_255_bytes_are_rejected()
    {
        var result = ZoneFileParser.Parse($"$ORIGIN example.org.\n@ TXT \"{new string('x', 256)}\"\n");

        Assert.Contains("exceeds 255", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_name_without_origin_is_an_error()
    {
        var result = ZoneFileParser.Parse("www 60 A 192.0.2.1\n");

        Assert.Contains("without an origin", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3600", 3600u)]
    [InlineData("1h30m", 5400u)]
    [InlineData("2d", 172800u)]
    [InlineData("1w", 604800u)]
    public void Ttl_units_are_understood(string text, uint expected)
    {
        Assert.True(ZoneFileParser.TryParseTtl(text, out var seconds));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("h")]
    [InlineData("1x")]
    [InlineData("1h5")]
    [InlineData("99999999999")]
    public void Bad_ttls_are_refused(string text)
    {
        Assert.False(ZoneFileParser.TryParseTtl(text, out _));
    }
}
