using System.Net;
using Chokepoint.Collection.Asn;

namespace Chokepoint.Collection.Tests.Asn;

public sealed class CymruAsnLookupTests
{
    [Fact]
    public void Origin_query_name_reverses_ipv4_octets()
    {
        Assert.Equal("4.3.2.1.origin.asn.cymru.com", CymruAsnLookup.OriginQueryName(IPAddress.Parse("1.2.3.4")));
    }

    [Fact]
    public void Origin_query_name_uses_nibbles_for_ipv6()
    {
        var name = CymruAsnLookup.OriginQueryName(IPAddress.Parse("2606:4700::1"));

        Assert.StartsWith("1.0.0.0.0.0.0.0", name, StringComparison.Ordinal);
        Assert.EndsWith("0.0.7.4.6.0.6.2.origin6.asn.cymru.com", name, StringComparison.Ordinal);
        Assert.Equal(32 + 1, name.Replace(".origin6.asn.cymru.com", "", StringComparison.Ordinal).Split('.').Length + 1);
    }

    [Theory]
    [InlineData("13335 | 1.1.1.0/24 | AU | apnic | 2011-08-11", 13335)]
    [InlineData("23028 23029 | 216.90.108.0/24 | US | arin | 1998-09-25", 23028)]
    [InlineData("garbage", null)]
    public void Origin_answer_gives_the_first_asn(string text, int? expected)
    {
        Assert.Equal(expected, CymruAsnLookup.ParseOriginAsn(text));
    }

    [Fact]
    public void As_name_answer_gives_the_name()
    {
        Assert.Equal("CLOUDFLARENET, US", CymruAsnLookup.ParseAsName("13335 | US | arin | 2010-07-14 | CLOUDFLARENET, US"));
        Assert.Null(CymruAsnLookup.ParseAsName("13335 | US"));
    }
}
