using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.WorldFiles;

public sealed class SmallWorldExampleTests
{
    [Fact]
    public void Documented_example_loads_with_the_expected_objects()
    {
        var result = WorldLoader.Load(RepositoryFiles.Path("docs", "examples", "small-world.yaml"));
        Assert.True(result.Success, result.Success ? "" : result.Describe());
        var world = result.World!;

        Assert.Equal("small-world", world.Name);
        Assert.Equal(["verisign", "cloudflare", "isrg", "google"], world.Companies.Select(c => c.Id));
        Assert.Equal("com", Assert.Single(world.Registries).Tld);
        Assert.Equal(1910, Assert.Single(world.Registrars).IanaId);
        Assert.Equal(2, Assert.Single(world.DnsServices).NameServers.Count);
        Assert.Equal(13335, Assert.Single(world.AddressSpace).Asn);
        Assert.True(Assert.Single(world.CertificateAuthorities).Acme);

        var site = world.Domains[0];
        Assert.Equal("tinybakery-demo.com", site.Name);
        Assert.Equal(["clientTransferProhibited"], site.Status);
        Assert.Equal(172800, site.DelegationTtl);
        Assert.Equal(86400, world.Domains[1].DelegationTtl);

        var zone = world.Zones[0];
        Assert.Equal(["cloudflare"], zone.ServedBy);
        Assert.Equal(["A", "CNAME", "MX", "CAA"], zone.Records.Select(r => r.Type));
        Assert.Equal(300, zone.Records[0].Ttl);
        Assert.Equal("0 issue \"letsencrypt.org\"", zone.Records[3].Data);

        var host = Assert.Single(world.WebHosts);
        Assert.Equal("cloudflare", host.Headers["server"]);
        Assert.True(host.RedirectHttpToHttps);
        Assert.Equal(3, host.Pages.Count);
        Assert.StartsWith("<!doctype html>\n", host.Pages[0].Body, StringComparison.Ordinal);
        Assert.Equal((301, "/menu"), (host.Pages[1].Status, host.Pages[1].Redirect));
        Assert.Equal("text/html; charset=utf-8", host.Pages[2].ContentType);

        var fault = Assert.Single(world.Faults);
        Assert.Equal(("web:tinybakery-demo.com", "delay", 250), (fault.Target, fault.Kind, fault.DelayMs));
        Assert.Equal("tinybakery-demo.com", Assert.Single(world.Sites).Domain);
    }

    [Fact]
    public void Example_in_the_format_document_loads()
    {
        var document = File.ReadAllText(RepositoryFiles.Path("docs", "world-format.md"));
        var start = document.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var end = document.IndexOf("```", start, StringComparison.Ordinal);
        var result = WorldLoader.Parse(document[start..end], "world-format.md");
        Assert.True(result.Success, result.Success ? "" : result.Describe());
        Assert.Equal("tinybakery-demo.com", Assert.Single(result.World!.WebHosts).Host);
    }
}
