using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Zones;

public sealed class ZoneFileRoundTripTests
{
    private static readonly string LongText = string.Concat(Enumerable.Range(0, 30).Select(i => $"chunk{i:D4}-")); // 300 chars

    private static ZoneFile Sample() => new("example.org", 3600,
    [
        ZoneRecord.Soa("example.org", 3600, "ns1.example-dns.net", "hostmaster.example.org", 2024010101, 7200, 3600, 1209600, 300),
        ZoneRecord.Ns("example.org", 86400, "ns1.example-dns.net"),
        ZoneRecord.Ns("example.org", 86400, "ns2.example.org"),
        ZoneRecord.A("example.org", 300, "192.0.2.10"),
        ZoneRecord.Aaaa("example.org", 300, "2001:db8::10"),
        ZoneRecord.Cname("www.example.org", 300, "example.org"),
        ZoneRecord.Cname("shop.example.org", 300, "shops.example-cdn.net"),
        ZoneRecord.Mx("example.org", 3600, 10, "mx1.example-mail.net"),
        ZoneRecord.Mx("example.org", 3600, 20, "backup.example.org"),
        ZoneRecord.Txt("example.org", 3600, "v=spf1 include:_spf.example-mail.net ~all"),
        ZoneRecord.Txt("quotes.example.org", 3600, "say \"hi\"; path C:\\dir ( not a paren )"),
        ZoneRecord.Txt("utf8.example.org", 3600, "caf\u00e9 \u2713 tab\there"),
        ZoneRecord.Txt("long.example.org", 3600, LongText),
        ZoneRecord.Txt("empty.example.org", 3600, string.Empty),
        ZoneRecord.Caa("example.org", 3600, 0, "issue", "letsencrypt.org"),
        ZoneRecord.Caa("example.org", 3600, 0, "issue", "pki.goog; accounturi=https://example.test/acct/1"),
        ZoneRecord.Caa("example.org", 3600, 0, "iodef", "mailto:security@example.org"),
    ]);

    [Fact]
    public void Write_then_parse_gives_the_same_records()
    {
        var zone = Sample();

        var text = ZoneFileWriter.Write(zone);
        var parsed = ZoneFileParser.Parse(text);

        Assert.True(parsed.IsSuccess, string.Join("\n", parsed.Errors));
        Assert.Equal("example.org.", parsed.Origin);
        Assert.Equal(3600u, parsed.DefaultTtl);
        Assert.Equal(zone.Records, parsed.Records);
    }

    [Fact]
    public void Writer_uses_origin_directives_and_relative_names()
    {
        var text = ZoneFileWriter.Write(Sample());

        Assert.StartsWith("$ORIGIN example.org.\n$TTL 3600\n@", text, StringComparison.Ordinal);
        Assert.Contains("www                      300 IN CNAME @\n", text, StringComparison.Ordinal);
        Assert.Contains("IN MX 20 backup\n", text, StringComparison.Ordinal);
        Assert.Contains("IN NS ns1.example-dns.net.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Txt_is_quoted_and_escaped()
    {
        var text = ZoneFileWriter.Write(Sample());

        Assert.Contains("\"say \\\"hi\\\"; path C:\\\\dir ( not a paren )\"", text, StringComparison.Ordinal);
        Assert.Contains("\"caf\\195\\169 \\226\\156\\147 tab\\009here\"", text, StringComparison.Ordinal);
        Assert.Contains("empty                    3600 IN TXT \"\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_txt_is_split_into_255_byte_strings()
    {
        Assert.Equal(300, LongText.Length);
        var text = ZoneFileWriter.Write(new ZoneFile("example.org", 3600, [ZoneRecord.Txt("long.example.org", 3600, LongText)]));

        Assert.Contains($"\"{LongText[..255]}\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"{LongText[255..]}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{LongText}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_never_exceeds_255_bytes_with_multibyte_text()
    {
        var text = new string('\u00e9', 200); // 400 bytes in UTF-8
        var written = ZoneFileWriter.Write(new ZoneFile("example.org", 60, [ZoneRecord.Txt("example.org", 60, text)]));

        var parsed = ZoneFileParser.Parse(written);

        Assert.True(parsed.IsSuccess, string.Join("\n", parsed.Errors));
        Assert.Equal(text, Assert.Single(parsed.Records).Data);
    }
}
