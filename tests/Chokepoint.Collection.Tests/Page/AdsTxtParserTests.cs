using System.Text;
using Chokepoint.Collection.Page;

namespace Chokepoint.Collection.Tests.Page;

public sealed class AdsTxtParserTests
{
    [Fact]
    public void Well_formed_records_are_read_with_normalised_fields()
    {
        var result = AdsTxtParser.Parse(
            "google.com, pub-1234567890, DIRECT, f08c47fec0942fa0\nAppNexus.com, 1356, reseller\nrubiconproject.com,19116,Direct",
            "app-ads.txt");

        Assert.Empty(result.Errors);
        Assert.Null(result.Truncated);
        Assert.Equal(3, result.Entries.Count);
        var google = result.Entries[0];
        Assert.Equal("google.com", google.AdSystem);
        Assert.Equal("pub-1234567890", google.AccountId);
        Assert.Equal("DIRECT", google.Relationship);
        Assert.Equal("f08c47fec0942fa0", google.CertificationAuthorityId);
        Assert.Equal("app-ads.txt", google.File);
        Assert.Equal("appnexus.com", result.Entries[1].AdSystem);
        Assert.Equal("RESELLER", result.Entries[1].Relationship);
        Assert.Null(result.Entries[1].CertificationAuthorityId);
        Assert.Equal("DIRECT", result.Entries[2].Relationship);
    }

    [Fact]
    public void Comments_blank_lines_bom_crlf_and_whitespace_are_tolerated()
    {
        var text = "\uFEFF# ads.txt for example.org\r\n\r\n   \r\n  google.com ,  pub-1 , DIRECT # our own account\r\n" +
                   "openx.com, 537, RESELLER, 6a698e2ec38604c6 ; extension=1\r\nindexexchange.com, 185, DIRECT,\r\n#only a comment";
        var result = AdsTxtParser.Parse(text);

        Assert.Empty(result.Errors);
        Assert.Equal(["google.com", "openx.com", "indexexchange.com"], result.Entries.Select(e => e.AdSystem));
        Assert.Equal("pub-1", result.Entries[0].AccountId);
        Assert.Equal("6a698e2ec38604c6", result.Entries[1].CertificationAuthorityId);
        Assert.Null(result.Entries[2].CertificationAuthorityId);
        Assert.Equal(7, result.LinesRead);
    }

    [Fact]
    public void Variables_are_read_and_not_mistaken_for_records()
    {
        var text = "contact=adops@example.org\nsubdomain=news.example.org\nOWNERDOMAIN=example.org\n" +
                   "managerdomain=manager.example, US\ninventorypartnerdomain = partner.example\ngoogle.com, pub-1, DIRECT";
        var result = AdsTxtParser.Parse(text);

        Assert.Empty(result.Errors);
        Assert.Single(result.Entries);
        Assert.Equal(
            ["CONTACT=adops@example.org", "SUBDOMAIN=news.example.org", "OWNERDOMAIN=example.org", "MANAGERDOMAIN=manager.example, US", "INVENTORYPARTNERDOMAIN=partner.example"],
            result.Variables.Select(v => $"{v.Name}={v.Value}"));
    }

    [Fact]
    public void Malformed_lines_are_reported_with_line_numbers_and_parsing_continues()
    {
        var text = "google.com, pub-1, DIRECT\ngoogle.com pub-2 DIRECT\nappnexus.com, 1, DIRCT\nnot a domain, 5, DIRECT\n" +
                   "openx.com, , RESELLER\na.com, 1, DIRECT, cert, extra\nrubiconproject.com, 2, RESELLER";
        var result = AdsTxtParser.Parse(text);

        Assert.Equal(["google.com", "rubiconproject.com"], result.Entries.Select(e => e.AdSystem));
        Assert.Equal([2, 3, 4, 5, 6], result.Errors.Select(e => e.Line));
        Assert.Contains("expected 3 or 4", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("DIRCT", result.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("not an advertising system domain", result.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("account id is empty", result.Errors[3].Reason, StringComparison.Ordinal);
        Assert.StartsWith("ads.txt line 3: ", result.Errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_file_gives_a_bounded_result_that_says_where_it_was_cut()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            text.Append('x').Append(i % 10).Append(".example, ").Append(i).Append(", DIRECT\n");
        }

        var result = AdsTxtParser.Parse(text.ToString());

        Assert.Equal(AdsTxtParser.DefaultMaxLines, result.Entries.Count);
        Assert.Equal(AdsTxtParser.DefaultMaxLines, result.LinesRead);
        Assert.NotNull(result.Truncated);
        Assert.Contains("100,000 lines", result.Truncated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_character_limit_is_cut_there()
    {
        var line = "google.com, pub-1, DIRECT\n";
        var text = string.Concat(Enumerable.Repeat(line, 1000));
        var result = AdsTxtParser.Parse(text, maxChars: line.Length * 10);

        Assert.Equal(10, result.Entries.Count);
        Assert.Contains("cut after", result.Truncated, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_beyond_the_limit_are_counted_not_listed()
    {
        var text = string.Concat(Enumerable.Repeat("garbage line\n", 500));
        var result = AdsTxtParser.Parse(text, maxErrors: 10);

        Assert.Equal(10, result.Errors.Count);
        Assert.Equal(490, result.ErrorsNotListed);
        Assert.Empty(result.Entries);
    }
}
