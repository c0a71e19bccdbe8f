using Chokepoint.Planning.Caa;

namespace Chokepoint.Planning.Tests.Caa;

public sealed class CaaValidatorTests
{
    [Theory]
    [InlineData(0, "issue", "letsencrypt.org")]
    [InlineData(0, "issue", ";")]
    [InlineData(0, "issue", "")]
    [InlineData(0, "ISSUE", "pki.goog")]
    [InlineData(0, "issue", "ca.example.net; accounturi=https://ca.example.net/acct/1")]
    [InlineData(0, "issue", "  ca.example.net ;  validationmethods=dns-01 ; accounturi=https://x.test/a ")]
    [InlineData(0, "issuewild", "digicert.com")]
    [InlineData(128, "issue", "letsencrypt.org")]
    [InlineData(0, "iodef", "mailto:security@example.org")]
    [InlineData(0, "iodef", "https://example.org/caa-report")]
    [InlineData(0, "iodef", "http://example.org/caa-report")]
    [InlineData(0, "contactemail", "dns@example.org")]
    [InlineData(0, "tag123456789012", "x")]
    public void Valid_records_pass(int flags, string tag, string value)
    {
        var result = CaaValidator.Validate([new CaaRecord(flags, tag, value)]);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.DoesNotContain(result.Problems, p => p.Severity == CaaProblemSeverity.Error);
    }

    [Theory]
    [InlineData(256, "issue", "letsencrypt.org", "outside 0-255")]
    [InlineData(-1, "issue", "letsencrypt.org", "outside 0-255")]
    [InlineData(0, "", "letsencrypt.org", "1-15 ASCII letters")]
    [InlineData(0, "tag1234567890123", "x", "1-15 ASCII letters")]
    [InlineData(0, "is-sue", "letsencrypt.org", "1-15 ASCII letters")]
    [InlineData(0, "issue", "-bad.example", "not an issuer domain name")]
    [InlineData(0, "issue", "ca..example", "not an issuer domain name")]
    [InlineData(0, "issue", "ca.example.", "not an issuer domain name")]
    [InlineData(0, "issue", "ca_example.net", "not an issuer domain name")]
    [InlineData(0, "issue", "ca.example; accounturi", "not key=value")]
    [InlineData(0, "issue", "ca.example; =value", "not key=value")]
    [InlineData(0, "issue", "ca.example; key=two words", "visible ASCII")]
    [InlineData(0, "issuewild", "two words.example", "not an issuer domain name")]
    [InlineData(0, "iodef", "ftp://example.org/report", "mailto:, http: or https:")]
    [InlineData(0, "iodef", "security@example.org", "mailto:, http: or https:")]
    [InlineData(0, "iodef", "mailto:", "mailto:, http: or https:")]
    public void Invalid_records_fail_with_the_rule(int flags, string tag, string value, string expected)
    {
        var result = CaaValidator.Validate([new CaaRecord(flags, tag, value)]);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Severity == CaaProblemSeverity.Error && p.Message.Contains(expected, StringComparison.Ordinal) && p.Index == 0);
    }

    [Fact]
    public void Unknown_critical_tag_and_reserved_flags_are_warnings()
    {
        var result = CaaValidator.Validate(
        [
            new CaaRecord(0, "issue", "letsencrypt.org"),
            new CaaRecord(128, "futuretag", "x"),
            new CaaRecord(1, "issue", "pki.goog"),
        ]);

        Assert.True(result.IsValid);
        Assert.Contains(result.Problems, p => p.Index == 1 && p.Message.Contains("refuse to issue", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Index == 2 && p.Message.Contains("reserved bits", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_without_issue_is_a_warning()
    {
        var result = CaaValidator.Validate([new CaaRecord(0, "iodef", "mailto:security@example.org")]);

        Assert.True(result.IsValid);
        Assert.Contains(result.Problems, p => p.Index == -1 && p.Severity == CaaProblemSeverity.Warning);
    }
}
