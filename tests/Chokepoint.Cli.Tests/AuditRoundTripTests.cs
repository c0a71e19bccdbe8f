using System.Text.Json;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Tests;

public sealed class AuditRoundTripTests
{
    [Fact]
    public async Task Saved_observations_analyze_offline_to_the_same_report()
    {
        var directory = Directory.CreateTempSubdirectory("chokepoint-obs-");
        try
        {
            await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
            var profilePath = Path.Combine(directory.FullName, "profile.json");
            await internet.WriteProfileAsync(profilePath, CancellationToken.None);
            var observations = Path.Combine(directory.FullName, "obs.json");

            var audit = await CliRunner.RunAsync(["audit", "dailyledger-news.com", "--network", profilePath, "--save-observations", observations, "--format", "json"]);
            var analyze = await CliRunner.RunAsync(["analyze", observations, "--format", "json"]);

            Assert.Equal(ExitCodes.Ok, audit.ExitCode);
            Assert.Equal(ExitCodes.Ok, analyze.ExitCode);
            Assert.Equal(audit.Out, analyze.Out);
            Assert.True(ObservationsJson.TryParse(await File.ReadAllTextAsync(observations), out var parsed, out _));
            Assert.Equal("dailyledger-news.com", parsed!.Domain);
            using var report = JsonDocument.Parse(analyze.Out);
            var money = report.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "money");
            Assert.Contains(money.GetProperty("dependencies").EnumerateArray(), d => d.GetProperty("service").GetString() == "affiliate");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
