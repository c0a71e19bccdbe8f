namespace Chokepoint.Naming.Tests;

public sealed class DomainNameTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("EXAMPLE.COM", "example.com")]
    [InlineData("Example.Com.", "example.com")]
    [InlineData("  www.example.co.uk  ", "www.example.co.uk")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("BÜCHER.example", "xn--bcher-kva.example")]
    [InlineData("https://www.Example.com/path?q=1#top", "www.example.com")]
    [InlineData("http://example.org:8080", "example.org")]
    [InlineData("example.net/some/page", "example.net")]
    [InlineData("https://bücher.example/", "xn--bcher-kva.example")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("3com.com", "3com.com")]
    public void TryParse_accepts_and_normalises(string input, string expected)
    {
        Assert.True(DomainName.TryParse(input, out var name, out var error), error);
        Assert.Equal(expected, name.Value);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("192.0.2.1", "IP address")]
    [InlineData("exa\u200Bmple.com", "invisible or text-direction character (U+200B)")]
    [InlineData("example\u202E.com", "invisible or text-direction character (U+202E)")]
    [InlineData("\u2067example.com", "invisible or text-direction character (U+2067)")]
    [InlineData("exam\u200Dple.com", "U+200D")]
    [InlineData("\uFEFFexample.com", "U+FEFF")]
    [InlineData("https://192.0.2.1/x", "IP address")]
    [InlineData("2001:db8::1", "IP address")]
    [InlineData("[2001:db8::1]", "IP address")]
    [InlineData("localhost", "single label")]
    [InlineData("exa mple.com", "character ' '")]
    [InlineData("exa_mple.com", "character '_'")]
    [InlineData("example..com", "empty label")]
    [InlineData(".example.com", "empty label")]
    [InlineData("-example.com", "starts or ends with '-'")]
    [InlineData("example-.com", "starts or ends with '-'")]
    [InlineData("example.123", "all digits")]
    public void TryParse_rejects_with_a_clear_error(string input, string errorPart)
    {
        Assert.False(DomainName.TryParse(input, out _, out var error));
        Assert.Contains(errorPart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_rejects_a_label_longer_than_63()
    {
        var label = new string('a', 64);
        Assert.False(DomainName.TryParse(label + ".com", out _, out var error));
        Assert.Contains("63", error, StringComparison.Ordinal);
        Assert.True(DomainName.TryParse(new string('a', 63) + ".com", out _, out _));
    }

    [Fact]
    public void TryParse_rejects_a_name_longer_than_253()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".com";
        Assert.False(DomainName.TryParse(name, out _, out var error));
        Assert.Contains("253", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unicode_form_decodes_punycode_and_Parse_throws_with_the_reason()
    {
        var name = DomainName.Parse("Bücher.Example.");
        Assert.Equal("bücher.example", name.Unicode);
        Assert.Equal(["xn--bcher-kva", "example"], name.Labels);
        var ex = Assert.Throws<FormatException>(() => DomainName.Parse("10.0.0.1"));
        Assert.Contains("IP address", ex.Message, StringComparison.Ordinal);
    }
}
