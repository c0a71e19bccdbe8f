using Chokepoint.Simulation.Generation;

namespace Chokepoint.Simulation.Tests.Generation;

public sealed class ProviderShareSetTests
{
    [Fact]
    public void Listed_choices_get_their_share_and_the_rest_follows_the_default_weights()
    {
        var set = ProviderShareSet.Parse("""{"cdn": {"cloudflare": 0.5, "none": 0.3}}""", "shares.json", out var error);

        Assert.Null(error);
        var cdn = set!.Table("cdn").ToDictionary(t => t.Id, t => t.Share);
        Assert.Equal(0.5, cdn["cloudflare"], 12);
        Assert.Equal(0.3, cdn["none"], 12);

        // The other 0.2 over CloudFront 10, Akamai 6 and Fastly 4 (of 20).
        Assert.Equal(0.1, cdn["cloudfront"], 12);
        Assert.Equal(0.06, cdn["akamai"], 12);
        Assert.Equal(0.04, cdn["fastly"], 12);

        // A layer not given keeps the default weights, normalised.
        var mail = set.Table("mail").ToDictionary(t => t.Id, t => t.Share);
        Assert.Equal(0.35, mail["google"], 12);
        Assert.Equal(1, set.Table("dns").Sum(t => t.Share), 12);
    }

    [Fact]
    public void Tls_names_the_ca_layer()
    {
        var set = ProviderShareSet.Parse("""{"tls": {"digicert-g2": 1}}""", "shares.json", out var error);

        Assert.Null(error);
        Assert.Equal(1, set!.Table("ca").Single(t => t.Id == "digicert-g2").Share);
        Assert.All(set.Table("ca").Where(t => t.Id != "digicert-g2"), t => Assert.Equal(0, t.Share));
    }

    [Theory]
    [InlineData("""{"dns": {"nope": 0.1}}""", "unknown dns choice 'nope'", "valid ids: cloudflare, route53")]
    [InlineData("""{"dnss": {"cloudflare": 0.1}}""", "unknown layer 'dnss'", "valid layers: tld, registrar, dns")]
    [InlineData("""{"cdn": {"cloudflare": 0.7, "akamai": 0.5}}""", "the cdn shares sum to 1.2, more than 1", "")]
    [InlineData("""{"ca": {"digicert-g2": 1.5}}""", "must be a number from 0 to 1", "1.5")]
    [InlineData("""{"ca": {"digicert-g2": -0.1}}""", "must be a number from 0 to 1", "-0.1")]
    [InlineData("""{"ca": {"digicert-g2": "0.1"}}""", "must be a number from 0 to 1", "")]
    [InlineData("""{"tls": {}, "ca": {}}""", "given twice", "")]
    [InlineData("""{"dns": {"cloudflare": 0.1, "cloudflare": 0.2}}""", "given twice", "")]
    [InlineData("""{"mail": {"google": 0.5, "microsoft": 0.1, "self": 0.1, "none": 0.1}}""", "must sum to 1", "")]
    [InlineData("""{"dns": [0.1]}""", "must be an object", "")]
    [InlineData("""[1]""", "must be a JSON object", "")]
    [InlineData("""{"dns": """, "not valid JSON", "")]
    public void Bad_shares_are_refused_with_one_line_naming_the_problem(string json, string says, string alsoSays)
    {
        var set = ProviderShareSet.Parse(json, "shares.json", out var error);

        Assert.Null(set);
        Assert.NotNull(error);
        Assert.Contains(says, error, StringComparison.Ordinal);
        Assert.Contains(alsoSays, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void The_top100k_2020_preset_carries_the_published_figures()
    {
        var preset = ProviderShareSet.Preset("top100k-2020")!;
        var dns = preset.Table("dns").ToDictionary(t => t.Id, t => t.Share);
        var cdn = preset.Table("cdn").ToDictionary(t => t.Id, t => t.Share);
        var ca = preset.Table("ca").ToDictionary(t => t.Id, t => t.Share);

        Assert.Equal(0.26959, dns["self"], 12);
        Assert.Equal(0.23525, dns["cloudflare"], 12);
        Assert.Equal(0.11652, dns["route53"] + dns["ns1+route53"], 12);
        Assert.Equal(0.67630, cdn["none"], 12);
        Assert.Equal(0.08964, cdn["fastly"], 12);
        Assert.Equal(25_685d / 78_387, ca["digicert-g2"], 12);
        Assert.Equal(20_908d / 78_387, ca["letsencrypt-r11"] + ca["letsencrypt-e5"], 12);
        foreach (var layer in ProviderShareSet.Layers)
        {
            Assert.Equal(1, preset.Table(layer).Sum(t => t.Share), 9);
        }

        Assert.Null(ProviderShareSet.Preset("top100k-2021"));
    }
}
