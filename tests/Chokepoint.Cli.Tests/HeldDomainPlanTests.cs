using System.Text.Json;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Tests;

/// <summary>A domain on hold is offline now: the plan's first step is to get the hold lifted, with whom to ask.</summary>
public sealed class HeldDomainPlanTests
{
    [Fact]
    public async Task The_first_step_for_a_held_domain_is_to_get_the_hold_lifted()
    {
        var directory = Directory.CreateTempSubdirectory("chokepoint-hold-");
        try
        {
            await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
            var profile = Path.Combine(directory.FullName, "profile.json");
            await internet.WriteProfileAsync(profile, CancellationToken.None);
            var observations = Path.Combine(directory.FullName, "onhold.json");
            var (auditExit, _, auditError) = await CliRunner.RunAsync(["audit", "onhold-demo.com", "--network", profile, "--save-observations", observations, "--format", "json"]);
            Assert.True(auditExit == ExitCodes.Incomplete, auditError);

            var (exitCode, output, error) = await CliRunner.RunAsync(["plan", observations, "--format", "json"]);

            Assert.True(exitCode == ExitCodes.Ok, error);
            using var plan = JsonDocument.Parse(output);
            var first = plan.RootElement.GetProperty("steps").EnumerateArray().First();
            Assert.Equal(1, first.GetProperty("rank").GetInt32());
            Assert.Equal("Get the clientHold lifted at GoDaddy", first.GetProperty("title").GetString());
            Assert.Contains("abuse@godaddy.com", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
