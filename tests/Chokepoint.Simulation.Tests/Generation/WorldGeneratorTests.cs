using System.Net;
using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.Tests.WorldFiles;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.Generation;

public sealed class WorldGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_world_and_another_seed_a_different_one()
    {
        var first = WorldGenerator.Generate(300, seed: 7);
        var second = WorldGenerator.Generate(300, seed: 7);
        var other = WorldGenerator.Generate(300, seed: 8);
        Assert.Null(WorldComparer.FirstDifference(first, second));
        Assert.Equal(WorldWriter.ToYaml(first), WorldWriter.ToYaml(second));
        Assert.NotNull(WorldComparer.FirstDifference(first, other));
    }

    [Fact]
    public void Generates_exactly_the_requested_sites_and_none_of_the_demo_sites()
    {
        var world = WorldGenerator.Generate(250, seed: 1);
        Assert.Equal(250, world.Sites.Count);
        Assert.Equal(250, world.Sites.Select(s => s.Domain).Distinct().Count());
        Assert.DoesNotContain(world.Domains, d => d.Name == "onestack-demo.com");
        Assert.All(world.Sites, s => Assert.Contains(world.Domains, d => d.Name == s.Domain));
    }

    [Fact]
    public void Provider_shares_follow_the_measured_distribution()
    {
        const int Sites = 5000;
        var world = WorldGenerator.Generate(Sites, seed: 42);
        var siteZones = world.Sites.Select(s => s.Domain).ToHashSet();
        var zones = world.Zones.Where(z => siteZones.Contains(z.Name)).ToList();
        var companyOf = world.DnsServices.ToDictionary(s => s.Id, s => s.Company);
        double Share(Func<Zone, bool> predicate) => zones.Count(predicate) / (double)Sites;

        Assert.InRange(Share(z => z.ServedBy.Any(id => companyOf[id] == "cloudflare")), 0.29, 0.35);
        Assert.InRange(Share(z => z.ServedBy.Any(id => companyOf[id] == "amazon")), 0.15, 0.21);
        Assert.InRange(Share(z => z.ServedBy.Any(id => companyOf[id] == "godaddy")), 0.045, 0.075);
        Assert.InRange(Share(z => z.ServedBy.Count == 2), 0.01, 0.03);
        Assert.InRange(Share(z => z.ServedBy.Count == 1 && z.ServedBy[0].StartsWith("self-", StringComparison.Ordinal)), 0.06, 0.10);

        var hosts = world.WebHosts.Where(h => siteZones.Contains(h.Host)).ToList();
        double CaShare(string prefix) => hosts.Count(h => h.Certificate!.Issuer.StartsWith(prefix, StringComparison.Ordinal)) / (double)Sites;
        Assert.InRange(CaShare("digicert"), 0.27, 0.33);
        Assert.InRange(CaShare("letsencrypt"), 0.32, 0.38);

        double Header(string name) => hosts.Count(h => h.Headers.ContainsKey(name)) / (double)Sites;
        Assert.InRange(Header("x-amz-cf-id"), 0.08, 0.12);
        Assert.InRange(Header("cf-ray"), 0.10, 0.14);
    }

    [Fact]
    public void Generated_world_passes_validation_after_write_and_load()
    {
        var world = WorldGenerator.Generate(1500, seed: 3);
        var result = WorldLoader.Parse(WorldWriter.ToYaml(world), "generated.yaml");
        Assert.True(result.Success, result.Success ? "" : string.Join("\n", result.Errors.Take(20)));
        Assert.Null(WorldComparer.FirstDifference(world, result.World));
    }

    [Fact]
    public void Addresses_are_pooled_and_announced()
    {
        var world = WorldGenerator.Generate(3000, seed: 5);
        var addresses = world.Zones.SelectMany(z => z.Records).Where(r => r.Type == "A").Select(r => r.Data)
            .Concat(world.DnsServices.SelectMany(s => s.NameServers).SelectMany(n => n.Addresses))
            .Distinct().ToList();
        Assert.InRange(addresses.Count, 20, 500);
        var prefixes = world.AddressSpace.Select(p => IPNetwork.Parse(p.Prefix)).ToList();
        var generated = addresses.Where(a => a.Split('.')[2] == "200").ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, a => Assert.Contains(prefixes, p => p.Contains(IPAddress.Parse(a))));
    }

    [Fact]
    public void Every_generated_name_resolves()
    {
        var world = WorldGenerator.Generate(400, seed: 11);
        var lookup = new Demo.WorldLookup(world);
        var names = world.WebHosts.Select(h => h.Host)
            .Concat(world.Domains.SelectMany(d => d.NameServers))
            .Concat(world.Zones.SelectMany(z => z.Records).Where(r => r.Type == "MX" && !r.Data.EndsWith(" .", StringComparison.Ordinal)).Select(r => r.Data.Split(' ')[1]))
            .Distinct();
        Assert.All(names, n => Assert.NotEmpty(lookup.Addresses(n)));
    }

    [Fact]
    public void Handles_a_hundred_thousand_sites()
    {
        var world = WorldGenerator.Generate(100_000, seed: 9);
        Assert.Equal(100_000, world.Sites.Count);
        Assert.Empty(WorldLoader.Validate(world));
    }
}
