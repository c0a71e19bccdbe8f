using Chokepoint.Collection.Rdap;

namespace Chokepoint.Collection.Tests.Rdap;

public sealed class RdapBootstrapTests
{
    [Fact]
    public void Iana_2022_file_maps_com_to_verisign()
    {
        var bootstrap = RdapBootstrap.Parse(SharedFixtures.Read("rdap", "iana-bootstrap-2022.json"));

        var match = bootstrap.Find("www.google.com");

        Assert.NotNull(match);
        Assert.Equal("com", match.Tld);
        Assert.Equal(new Uri("https://rdap.verisign.com/com/v1/"), match.BaseUrls[0]);
        Assert.True(bootstrap.Count > 500);
    }

    [Fact]
    public void Known_tlds_match_and_unknown_ones_do_not()
    {
        var bootstrap = RdapBootstrap.Parse(SharedFixtures.Read("rdap", "iana-bootstrap-2022.json"));

        foreach (var tld in new[] { "uz", "click", "moscow" })
        {
            var match = bootstrap.Find("x." + tld);
            Assert.NotNull(match);
            Assert.Equal(tld, match.Tld);
        }

        // .fr had no RDAP service in the 2022 registry.
        Assert.Null(bootstrap.Find("lemonde.fr"));
        Assert.Null(bootstrap.Find("example.no-such-tld-here"));
        Assert.Equal(new Uri("http://cctld.uz:9000/"), bootstrap.Find("gov.uz")!.BaseUrls[0]);
    }

    [Fact]
    public void Longest_label_match_wins()
    {
        const string json = """
            {"version":"1.0","services":[
              [["uk"],["https://rdap.uk.example/"]],
              [["co.uk"],["http://co.example/rdap","https://co.example/rdap"]]
            ]}
            """;
        var bootstrap = RdapBootstrap.Parse(json);

        var co = bootstrap.Find("Shop.Example.CO.UK.");
        var uk = bootstrap.Find("example.uk");

        Assert.Equal("co.uk", co!.Tld);
        Assert.Equal(new Uri("https://co.example/rdap/"), co.BaseUrls[0]);
        Assert.Equal(new Uri("http://co.example/rdap/"), co.BaseUrls[1]);
        Assert.Equal("uk", uk!.Tld);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""{"services": 3}""")]
    public void Not_a_bootstrap_file_is_reported(string json)
    {
        Assert.False(RdapBootstrap.TryParse(json, out var bootstrap, out var error));
        Assert.Null(bootstrap);
        Assert.NotNull(error);
        Assert.Throws<FormatException>(() => RdapBootstrap.Parse(json));
    }
}
