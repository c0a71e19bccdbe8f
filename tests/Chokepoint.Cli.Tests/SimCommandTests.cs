using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Chokepoint.Simulation.World;

namespace Chokepoint.Cli.Tests;

public sealed class SimCommandTests
{
    [Fact]
    public async Task Sim_serve_writes_the_profile_serves_audits_and_frees_its_ports_on_stop()
    {
        var directory = Directory.CreateTempSubdirectory("chokepoint-sim-");
        var profile = Path.Combine(directory.FullName, "profile.json");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var serving = CliRunner.RunAsync(["sim", "serve", "--profile", profile], stop.Token);
        try
        {
            while (!File.Exists(profile) || new FileInfo(profile).Length == 0)
            {
                Assert.False(serving.IsCompleted, "sim serve ended early");
                await Task.Delay(100, stop.Token);
            }

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(profile, stop.Token));
            var resolver = IPEndPoint.Parse(json.RootElement.GetProperty("resolver").GetString()!);
            Assert.True(IPAddress.IsLoopback(resolver.Address));

            var audit = await CliRunner.RunAsync(["audit", "twoca-demo.com", "--network", profile, "--format", "json"]);
            Assert.Equal(ExitCodes.Ok, audit.ExitCode);
            using var report = JsonDocument.Parse(audit.Out);
            Assert.Equal("twoca-demo.com", report.RootElement.GetProperty("domain").GetString());

            await stop.CancelAsync();
            var (exitCode, _, _) = await serving;
            Assert.Equal(ExitCodes.Ok, exitCode);

            using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            rebind.Bind(resolver);
        }
        finally
        {
            await stop.CancelAsync();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sim_generate_writes_a_world_the_loader_accepts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chokepoint-world-{Guid.NewGuid():N}.yaml");
        try
        {
            var (exitCode, _, _) = await CliRunner.RunAsync(["sim", "generate", "--sites", "40", "--seed", "7", "-o", path]);

            Assert.Equal(ExitCodes.Ok, exitCode);
            var loaded = WorldLoader.Load(path);
            Assert.True(loaded.Success, loaded.Describe());
            Assert.True(loaded.World!.Domains.Count >= 40);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Sim_serve_reports_world_file_errors_with_their_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chokepoint-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "version: 2\n");
        try
        {
            var (exitCode, _, error) = await CliRunner.RunAsync(["sim", "serve", path]);

            Assert.Equal(ExitCodes.UsageError, exitCode);
            Assert.Contains(":1:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Sim_serve_prints_at_most_the_maximum_of_errors_and_a_count_of_the_rest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chokepoint-flood-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "version: 1\ncompanies:\n" + string.Concat(Enumerable.Repeat("  - {id: c}\n", 5000)));
        try
        {
            var (exitCode, _, error) = await CliRunner.RunAsync(["sim", "serve", path]);

            Assert.Equal(ExitCodes.UsageError, exitCode);
            var lines = error.TrimEnd().Split('\n');
            Assert.Equal("chokepoint: the world file has errors:", lines[0].TrimEnd());
            Assert.Equal(WorldLoadResult.MaximumErrors + 2, lines.Length);
            Assert.Equal($"  ... and {(2 * 5000) - 1 - WorldLoadResult.MaximumErrors} more errors", lines[^1].TrimEnd());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Sim_serve_refuses_a_world_that_is_not_a_regular_file()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["sim", "serve", "/dev/zero"]).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("chokepoint: /dev/zero: not a regular file", error.Trim());
    }

    [Fact]
    public async Task Sim_serve_refuses_a_billion_laughs_world_with_one_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chokepoint-lol-{Guid.NewGuid():N}.yaml");
        var yaml = "version: 1\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n";
        for (var level = 'b'; level <= 'i'; level++)
        {
            yaml += $"{level}: &{level} [{string.Join(",", Enumerable.Repeat("*" + (char)(level - 1), 9))}]\n";
        }

        await File.WriteAllTextAsync(path, yaml);
        try
        {
            var (exitCode, _, error) = await CliRunner.RunAsync(["sim", "serve", path]).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(ExitCodes.UsageError, exitCode);
            Assert.Contains("aliases expand to more than", error, StringComparison.Ordinal);
            Assert.Equal(2, error.TrimEnd().Split('\n').Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
