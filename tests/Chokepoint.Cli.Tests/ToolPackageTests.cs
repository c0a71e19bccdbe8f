using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// <c>dotnet pack</c> makes the .NET tool <c>chokepoint</c> carrying its data sets: installed into a fresh tool path
/// from a local source only (no network), with no data directory and a fresh home, it runs <c>demo</c>, serves the
/// simulated internet and audits a site of it on loopback.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("chokepoint-tool-");

    public void Dispose() => folder.Delete(recursive: true);

    private string Sub(string name) => Path.Combine(folder.FullName, name);

    [Fact]
    public async Task The_packed_tool_installs_offline_and_runs_demo_and_an_audit_with_its_carried_data()
    {
        var version = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var source = Sub("source");
        var pack = await RunAsync(Dotnet, ["pack", RepositoryFiles.Path("src", "Chokepoint.Cli"), "-c", configuration, "--no-build", "--nologo",
            "-o", source, $"-p:PublishDir={Sub("publish")}/"]);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Out + pack.Error);
        Assert.True(File.Exists(Path.Combine(source, $"chokepoint.{version}.nupkg")), pack.Out);

        await File.WriteAllTextAsync(Sub("nuget.config"),
            $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{source}" /></packageSources></configuration>""");
        var tools = Sub("tools");
        var install = await RunAsync(Dotnet, ["tool", "install", "chokepoint", "--version", version, "--tool-path", tools, "--configfile", Sub("nuget.config")]);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Out + install.Error);
        var chokepoint = Path.Combine(tools, OperatingSystem.IsWindows() ? "chokepoint.exe" : "chokepoint");

        var status = await RunAsync(chokepoint, ["data", "status", "--format", "json"]);
        Assert.Equal(0, status.ExitCode);
        using (var statuses = JsonDocument.Parse(status.Out))
        {
            var index = statuses.RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "ip-to-asn index");
            Assert.True(index.GetProperty("installed").GetBoolean(), status.Out);
            Assert.StartsWith(Path.GetFullPath(tools), index.GetProperty("path").GetString(), StringComparison.Ordinal);
            var suffixes = statuses.RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "public-suffix-list");
            Assert.True(suffixes.GetProperty("installed").GetBoolean(), status.Out);
        }

        var demo = await RunAsync(chokepoint, ["demo"]);
        Assert.True(demo.ExitCode == 0, "chokepoint demo failed:\n" + demo.Error);
        Assert.StartsWith("Chokepoint audit of ", demo.Out, StringComparison.Ordinal);

        await AuditFromTheToolsSimulatedInternetAsync(chokepoint);
    }

    private async Task AuditFromTheToolsSimulatedInternetAsync(string chokepoint)
    {
        var profile = Sub("profile.json");
        using var serve = Process.Start(Start(chokepoint, ["sim", "serve", "--profile", profile]))!;
        try
        {
            var ready = Stopwatch.StartNew();
            while (!File.Exists(profile) || new FileInfo(profile).Length == 0)
            {
                if (serve.HasExited)
                {
                    Assert.Fail("sim serve ended early: " + await serve.StandardError.ReadToEndAsync());
                }

                Assert.True(ready.Elapsed < StepLimit, "sim serve wrote no profile");
                await Task.Delay(100);
            }

            var audit = await RunAsync(chokepoint, ["audit", "twoca-demo.com", "--network", profile, "--format", "json"]);
            Assert.True(audit.ExitCode == 0, "chokepoint audit failed:\n" + audit.Error);
            using var report = JsonDocument.Parse(audit.Out);
            Assert.Equal("twoca-demo.com", report.RootElement.GetProperty("domain").GetString());
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    /// <summary>The dotnet host running this test (what <c>dotnet test</c> names), so the same SDK packs and installs.</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// A process; past the pack, one with no data directory of its own: <c>CHOKEPOINT_DATA</c> unset, a fresh home and
    /// NuGet caches in this test's folder, and the tool's launcher pointed at the runtime of the dotnet host.
    /// </summary>
    private ProcessStartInfo Start(string file, string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder.FullName,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (args is ["pack", ..])
        {
            // The pack reads the build and the data sets of this run (the repository's, or those $CHOKEPOINT_DATA names).
            return start;
        }

        start.Environment.Remove("CHOKEPOINT_DATA");
        start.Environment.Remove("XDG_DATA_HOME");
        start.Environment["HOME"] = start.Environment["DOTNET_CLI_HOME"] = Directory.CreateDirectory(Sub("home")).FullName;
        start.Environment["NUGET_PACKAGES"] = Sub("nuget-packages");
        start.Environment["NUGET_HTTP_CACHE_PATH"] = Sub("nuget-http");
        start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(Dotnet == "dotnet" ? Environment.ProcessPath! : Dotnet));
        return start;
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(string file, string[] args)
    {
        using var process = Process.Start(Start(file, args))!;
        using var limit = new CancellationTokenSource(StepLimit);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', args)} took longer than {StepLimit}");
        }

        return (process.ExitCode, await output, await error);
    }
}
