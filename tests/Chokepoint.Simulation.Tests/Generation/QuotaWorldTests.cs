using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.Tests.WorldFiles;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.Generation;

public sealed class QuotaWorldTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(2000)]
    [InlineData(4321)]
    public void A_world_by_quota_has_exactly_each_choices_rounded_share(int sites)
    {
        var generated = WorldGenerator.Generate(sites, 3, ProviderShareSet.Top100K2020, CancellationToken.None);

        Assert.Equal(sites, generated.Sites.Count);
        foreach (var (layer, chosen) in new (string, Func<GeneratedSite, string>)[] { ("dns", s => s.Dns), ("cdn", s => s.Cdn), ("ca", s => s.Ca), ("mail", s => s.Mail), ("tld", s => s.Tld) })
        {
            var table = ProviderShareSet.Top100K2020.Table(layer);
            var counts = QuotaAllocation.Counts([.. table.Select(t => t.Share)], sites);
            for (var i = 0; i < table.Count; i++)
            {
                Assert.Equal(counts[i], generated.Sites.Count(s => chosen(s) == table[i].Id));
            }
        }

        // Hosting shares are of the sites not behind a CDN.
        var direct = generated.Sites.Where(s => s.Cdn == "none").ToList();
        var hosting = ProviderShareSet.Top100K2020.Table("hosting");
        var hostingCounts = QuotaAllocation.Counts([.. hosting.Select(t => t.Share)], direct.Count);
        Assert.Equal(hostingCounts, hosting.Select(t => direct.Count(s => s.Hosting == t.Id)));
    }

    [Fact]
    public void Registrar_counts_stay_exact_while_every_registrar_can_serve_its_site()
    {
        var generated = WorldGenerator.Generate(3000, 8, ProviderShareSet.Default, CancellationToken.None);

        var table = ProviderShareSet.Default.Table("registrar");
        var counts = QuotaAllocation.Counts([.. table.Select(t => t.Share)], 3000);
        Assert.Equal(counts, table.Select(t => generated.Sites.Count(s => s.Registrar == t.Id)));
        Assert.All(generated.Sites.Where(s => s.Tld == "fr"), s => Assert.Contains(s.Registrar, new[] { "gandi", "ovh" }));
        Assert.All(generated.Sites.Where(s => s.Registrar == "cloudflare-registrar"), s => Assert.Equal("cloudflare", s.Dns));

        // The world agrees with the choices it reports.
        var registrarOf = generated.World.Domains.ToDictionary(d => d.Name, d => d.Registrar);
        Assert.All(generated.Sites, s => Assert.Equal(s.Registrar, registrarOf[s.Domain]));
    }

    [Fact]
    public void Same_seed_and_shares_give_the_same_world_and_expected_file()
    {
        var first = WorldGenerator.Generate(500, 7, ProviderShareSet.Top100K2020, CancellationToken.None);
        var second = WorldGenerator.Generate(500, 7, ProviderShareSet.Top100K2020, CancellationToken.None);
        var other = WorldGenerator.Generate(500, 8, ProviderShareSet.Top100K2020, CancellationToken.None);

        Assert.Null(WorldComparer.FirstDifference(first.World, second.World));
        Assert.Equal(ExpectedConcentration.Of(first).ToJson(), ExpectedConcentration.Of(second).ToJson());
        Assert.NotEqual(first.Sites.Select(s => s.Dns), other.Sites.Select(s => s.Dns));
        Assert.Empty(WorldLoader.Validate(first.World));
    }

    [Fact]
    public void Dice_without_shares_is_the_world_it_always_was()
    {
        var dice = WorldGenerator.Generate(300, 7, null, CancellationToken.None);

        Assert.Null(WorldComparer.FirstDifference(WorldGenerator.Generate(300, 7), dice.World));
        Assert.Null(dice.Shares);
    }

    [Fact]
    public void The_expected_file_counts_what_the_generator_chose()
    {
        var generated = WorldGenerator.Generate(1000, 5, ProviderShareSet.Top100K2020, CancellationToken.None);

        var expected = ExpectedConcentration.Of(generated);

        var dns = expected.Layers["dns"];
        Assert.Equal(generated.Sites.Count(s => s.Dns != "self"), dns.UsingThirdParty);
        Assert.Equal(dns.UsingThirdParty - generated.Sites.Count(s => s.Dns == "ns1+route53"), dns.Critical);
        Assert.Equal(generated.Sites.Count(s => s.Dns is "route53" or "ns1+route53"), dns.Companies["amazon"].Uses);
        Assert.Equal(generated.Sites.Count(s => s.Dns == "route53"), dns.Companies["amazon"].Critical);
        var hosting = expected.Layers["hosting"];
        Assert.Equal(generated.Sites.Count(s => s.Cdn != "none"), hosting.OriginHidden);
        Assert.Equal(1000 - hosting.OriginHidden, hosting.UsingThirdParty);
        Assert.Equal(generated.Sites.Count(s => s.Ca.StartsWith("letsencrypt", StringComparison.Ordinal)), expected.Layers["tls"].Companies["isrg"].Uses);
        Assert.DoesNotContain(expected.Layers["mail"].Companies.Keys, id => id.StartsWith("self", StringComparison.Ordinal));
        Assert.All(ExpectedConcentration.LayerNames, name => Assert.Equal(1000, expected.Layers[name].Sites));

        using var json = System.Text.Json.JsonDocument.Parse(expected.ToJson());
        Assert.Equal(dns.Companies["cloudflare"].Uses, json.RootElement.GetProperty("layers").GetProperty("dns").GetProperty("companies").GetProperty("cloudflare").GetProperty("uses").GetInt32());
    }
}
