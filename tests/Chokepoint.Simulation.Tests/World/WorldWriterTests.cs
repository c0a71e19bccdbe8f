using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.WorldFiles;

public sealed class WorldWriterTests
{
    [Fact]
    public void Demo_world_round_trips_identically()
    {
        var original = DemoWorld.Load();
        var yaml = WorldWriter.ToYaml(original);
        var result = WorldLoader.Parse(yaml, "written.yaml");
        Assert.True(result.Success, result.Success ? "" : result.Describe());
        Assert.Null(WorldComparer.FirstDifference(original, result.World));
        Assert.Equal(yaml, WorldWriter.ToYaml(result.World!));
    }

    [Fact]
    public void Awkward_values_round_trip()
    {
        var world = DemoWorld.Load();
        world.Name = "null";
        world.Companies[0].Country = "NO";
        var host = world.WebHosts[0];
        host.RedirectHttpToHttps = false;
        host.Headers["x-empty"] = "";
        host.Headers["x-colon"] = "a: b, c # not a comment";
        host.Headers["x-true"] = "true";
        host.Pages.Add(new Page { Path = "/spaces", Body = "  leading spaces\nline two \n\ttab\n" });
        host.Pages.Add(new Page { Path = "/r", Status = 302, Redirect = $"https://{world.WebHosts[^1].Host}/?q=1#x", Body = "~" });
        host.Pages.Add(new Page { Path = "/lit", Body = "<p>\n  indented\n</p>\n\n", ContentType = "text/plain" });
        host.Pages.Add(new Page { Path = "/nonl", Body = "no final newline\nsecond" });
        var domain = world.Domains[0];
        domain.Status = [];
        domain.Created = new DateTimeOffset(2020, 2, 3, 4, 5, 6, TimeSpan.FromHours(2));
        domain.Expires = new DateTimeOffset(2030, 1, 1, 0, 0, 0, 123, TimeSpan.Zero);
        domain.Updated = null;
        domain.DelegationTtl = 0;

        var yaml = WorldWriter.ToYaml(world);
        var result = WorldLoader.Parse(yaml, "awkward.yaml");

        Assert.True(result.Success, result.Success ? "" : result.Describe());
        Assert.Null(WorldComparer.FirstDifference(world, result.World));
    }

    [Fact]
    public void Defaults_are_left_out()
    {
        var yaml = WorldWriter.ToYaml(new Simulation.World.World { Domains = [new Domain { Name = "x.example" }] });
        Assert.DoesNotContain("delegationTtl", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("status", yaml, StringComparison.Ordinal);
        Assert.Contains("name: x.example", yaml, StringComparison.Ordinal);
    }
}
