using System.Text.Json;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Cli.Tests;

/// <summary>Faults of the simulated internet end as finished reports that say what was not observed and why.</summary>
public sealed class FaultReportTests
{
    [Theory]
    [InlineData("rdap:com", "rdap-invalid-json", "registration")]
    [InlineData("rdap:com", "rdap-429", "registration")]
    [InlineData("rdap:com", "rdap-404", "registration")]
    [InlineData("web:twoca-demo.com", "cert-untrusted", "tls")]
    [InlineData("web:twoca-demo.com", "http-500", "page")]
    [InlineData("web:twoca-demo.com", "redirect-loop", "page")]
    [InlineData("dns:twoca-demo.com", "servfail", "hosting")]
    [InlineData("dns:twoca-demo.com", "malformed", "hosting")]
    public async Task A_fault_gives_a_finished_report_with_the_reason(string target, string kind, string layer)
    {
        var world = DemoWorld.Load();
        world.Faults.Add(new Fault { Target = target, Kind = kind, DelayMs = 1000 });
        var directory = Directory.CreateTempSubdirectory("chokepoint-fault-");
        try
        {
            await using var internet = await SimulatedInternet.StartAsync(world);
            var profile = Path.Combine(directory.FullName, "profile.json");
            await internet.WriteProfileAsync(profile, CancellationToken.None);

            var (exitCode, output, error) = await CliRunner.RunAsync(["audit", "twoca-demo.com", "--network", profile, "--format", "json", "--timeout", "20"]);

            using var report = JsonDocument.Parse(output);
            var complete = report.RootElement.GetProperty("complete").GetBoolean();
            Assert.True(exitCode == (complete ? ExitCodes.Ok : ExitCodes.Incomplete), $"exit {exitCode}: {error}");
            var layerReport = report.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == layer);
            var unobserved = layerReport.GetProperty("unobserved").EnumerateArray().ToList();
            if (kind.StartsWith("cert-", StringComparison.Ordinal))
            {
                // A bad certificate is seen, not unseen: the CA dependency carries the validation failure.
                Assert.Contains(layerReport.GetProperty("dependencies").EnumerateArray(), d => d.GetProperty("facts").GetProperty("certificates").EnumerateArray().Any(c => c.GetProperty("validationErrors").GetArrayLength() > 0));
            }
            else
            {
                Assert.NotEmpty(unobserved);
            }

            Assert.All(unobserved, u => Assert.False(string.IsNullOrWhiteSpace(u.GetProperty("reason").GetString())));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
