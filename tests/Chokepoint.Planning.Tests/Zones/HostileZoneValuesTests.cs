using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Zones;

/// <summary>Values that try to become master-file syntax: the writer refuses them and says so in a comment.</summary>
public sealed class HostileZoneValuesTests
{
    [Fact]
    public void A_host_name_with_a_newline_does_not_write_an_origin_directive()
    {
        var zone = new ZoneFile("example.org", 3600,
        [
            ZoneRecord.A("www.example.org\n$ORIGIN evil.example.", 300, "192.0.2.1"),
            ZoneRecord.A("example.org", 300, "192.0.2.2"),
        ]);

        var text = ZoneFileWriter.Write(zone);

        var parsed = ZoneLines.AssertWellFormed(text, "example.org.", 3600);
        Assert.Equal([ZoneRecord.A("example.org", 300, "192.0.2.2")], parsed.Records);
        Assert.Contains("; skipped a A record for 'www.example.org\\010$origin evil.example.'", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("www.example.org\r\n@ 60 IN A 203.0.113.9")]
    [InlineData("www example.org")]
    [InlineData("www;.example.org")]
    [InlineData("(www).example.org")]
    [InlineData("\"www\".example.org")]
    [InlineData("w\u2028ww.example.org")]
    [InlineData("b\u00fccher.example.org")]
    [InlineData("a..example.org")]
    [InlineData("$include.example.org")]
    public void Names_that_are_not_domain_names_are_skipped(string name)
    {
        var text = ZoneFileWriter.Write(new ZoneFile("example.org", 60, [ZoneRecord.Cname(name, 60, "cdn.example.net"), ZoneRecord.Ns("example.org", 60, name)]));

        var parsed = ZoneLines.AssertWellFormed(text, "example.org.", 60);
        Assert.Empty(parsed.Records);
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("; skipped", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_label_longer_than_63_or_a_name_longer_than_253_is_skipped()
    {
        Assert.NotNull(ZoneNames.Problem(new string('a', 64) + ".example.org"));
        Assert.NotNull(ZoneNames.Problem(string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".org"));
        Assert.Null(ZoneNames.Problem("_dmarc.example.org."));
        Assert.Null(ZoneNames.Problem("*.example.org"));
        Assert.NotNull(ZoneNames.Problem("www.*.example.org"));
    }

    [Fact]
    public void A_hostile_origin_writes_nothing_but_a_comment()
    {
        var text = ZoneFileWriter.Write(new ZoneFile("example.org\n$INCLUDE /etc/passwd", 60, [ZoneRecord.A("example.org", 60, "192.0.2.1")]));

        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("; not written:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n$", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_built_around_the_factories_is_still_checked()
    {
        var text = ZoneFileWriter.Write(new ZoneFile("example.org", 60,
        [
            new ZoneRecord("example.org.", 60, ZoneRecordType.A, "192.0.2.1\n$ORIGIN evil."),
            new ZoneRecord("example.org.", 60, ZoneRecordType.MX, "10 mx.example.net.\nevil 60 IN A 192.0.2.66"),
            new ZoneRecord("example.org.", 60, ZoneRecordType.CNAME, "x.example.net. ; y"),
        ]));

        var parsed = ZoneLines.AssertWellFormed(text, "example.org.", 60);
        Assert.Empty(parsed.Records);
    }

    [Theory]
    [InlineData("issue", "letsencrypt.org\n$ORIGIN evil.")]
    [InlineData("issue", "letsencrypt.org\"; evil")]
    [InlineData("iodef", "mailto:a@example.org\n@ 60 IN CAA 0 issue \"evil.example\"")]
    [InlineData("iodef", "javascript:alert(1)")]
    [InlineData("issue\nevil", "letsencrypt.org")]
    [InlineData("is sue", "letsencrypt.org")]
    public void Invalid_caa_properties_are_skipped_and_named_on_one_comment_line(string tag, string value)
    {
        var text = ZoneFileWriter.Write(new ZoneFile("example.org", 60,
            [new CaaRecord(0, tag, value).ToZoneRecord("example.org", 60), ZoneRecord.Caa("example.org", 60, 0, "issue", "pki.goog")]));

        var parsed = ZoneLines.AssertWellFormed(text, "example.org.", 60);
        Assert.Equal([ZoneRecord.Caa("example.org", 60, 0, "issue", "pki.goog")], parsed.Records);
        Assert.Single(text.Split('\n'), l => l.StartsWith("; skipped a CAA record", StringComparison.Ordinal));
    }

    [Fact]
    public void A_caa_value_of_an_unknown_tag_is_quoted_and_escaped_not_refused()
    {
        var record = ZoneRecord.Caa("example.org", 60, 0, "contactemail", "a@example.org\n$ORIGIN evil.");

        var text = ZoneFileWriter.Write(new ZoneFile("example.org", 60, [record]));

        var parsed = ZoneLines.AssertWellFormed(text, "example.org.", 60);
        Assert.Equal([record], parsed.Records);
        Assert.Contains("\"a@example.org\\010$ORIGIN evil.\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("next\u0085line")]
    [InlineData("unicode\u2028line\u2029para")]
    [InlineData("bidi\u202Eoverride")]
    [InlineData("back\\slash")]
    public void Comments_never_carry_a_line_break_or_a_hidden_character(string text)
    {
        var line = ZoneComments.Line(text);

        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.All(line[..^1], c => Assert.False(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E', $"U+{(int)c:X4}"));
    }

    [Fact]
    public void Caa_presentation_form_reads_quoted_and_escaped_values_and_writes_them_on_one_line()
    {
        Assert.Equal(new CaaRecord(0, "issue", "letsencrypt.org"), CaaRecord.FromPresentation("0 issue \"letsencrypt.org\""));
        Assert.Equal(new CaaRecord(128, "iodef", "mailto:a@example.org"), CaaRecord.FromPresentation("128 iodef mailto:a@example.org"));
        Assert.Equal(new CaaRecord(0, "issue", "pki.goog; accounturi=x"), CaaRecord.FromPresentation("0 issue \"pki.goog; accounturi=x\""));
        Assert.Null(CaaRecord.FromPresentation("300 issue \"x\""));
        Assert.Null(CaaRecord.FromPresentation("0 issue"));
        Assert.Equal("0 contactemail \"a\\010b\\\"c\"", new CaaRecord(0, "contactemail", "a\nb\"c").ToString());
    }
}
