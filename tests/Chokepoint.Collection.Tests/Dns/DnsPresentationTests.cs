using Chokepoint.Collection.Dns;

namespace Chokepoint.Collection.Tests.Dns;

public sealed class DnsPresentationTests
{
    [Theory]
    [InlineData("NS1.Example.COM", "ns1.example.com.")]
    [InlineData("ns1.example.com.", "ns1.example.com.")]
    [InlineData("", ".")]
    public void Names_are_lowercased_with_a_trailing_dot(string name, string expected) =>
        Assert.Equal(expected, DnsPresentation.Name(name));

    [Fact]
    public void Same_name_ignores_case_and_trailing_dot() =>
        Assert.True(DnsPresentation.SameName("WWW.example.com.", "www.example.com"));

    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1", 5353)]
    [InlineData("127.0.0.2", "127.0.0.2", 53)]
    [InlineData("[::1]:5300", "::1", 5300)]
    public void Resolver_end_points_parse(string text, string address, int port)
    {
        var endPoint = DnsLookup.ParseEndPoint(text, 53);

        Assert.Equal(address, endPoint.Address.ToString());
        Assert.Equal(port, endPoint.Port);
    }
}
