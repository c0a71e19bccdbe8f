using System.Diagnostics;
using System.Text.Json;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// <c>sim generate</c> and <c>sim serve</c> run as real child processes and stopped by a real signal (sent with
/// /bin/kill): each stops within about a second, and <c>generate</c> leaves no partial output.
/// </summary>
public sealed class SimSignalTests : IDisposable
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(2);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chokepoint-signal-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("INT", true)]
    [InlineData("TERM", true)]
    [InlineData("TERM", false)]
    public async Task Sim_generate_stops_on_a_signal_and_leaves_no_partial_file(string signal, bool whileWriting)
    {
        // 100,000 sites write for seconds (about 110 MB) after a short generation; a million generate for longer.
        var output = Path.Combine(_folder.FullName, "world.yaml");
        using var process = Start("sim", "generate", "--sites", whileWriting ? "100000" : "1000000", "-o", output);
        try
        {
            var started = Stopwatch.StartNew();
            if (whileWriting)
            {
                // The temporary file appears when writing starts, after the world has been generated.
                while (_folder.GetFiles(".world.yaml.*.tmp").Length == 0)
                {
                    Assert.False(process.HasExited, "sim generate ended before it wrote");
                    Assert.True(started.Elapsed < TimeSpan.FromSeconds(90), "sim generate never started writing");
                    await Task.Delay(20);
                }
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(700));
                Assert.Empty(_folder.GetFiles());
            }

            var elapsed = await SignalAndWaitAsync(process, signal);

            Assert.True(elapsed < StopBudget, $"stopped {elapsed.TotalMilliseconds:F0} ms after SIG{signal}");
            Assert.Equal(ExitCodes.RunFailed, process.ExitCode);
            Assert.Empty(_folder.GetFiles("*", SearchOption.AllDirectories));
        }
        finally
        {
            Kill(process);
        }
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Sim_serve_stops_on_a_signal_within_a_second(string signal)
    {
        var profile = Path.Combine(_folder.FullName, "profile.json");
        using var process = Start("sim", "serve", "--profile", profile);
        try
        {
            var started = Stopwatch.StartNew();
            while (!File.Exists(profile))
            {
                Assert.False(process.HasExited, "sim serve ended early");
                Assert.True(started.Elapsed < TimeSpan.FromMinutes(1), "sim serve never wrote its profile");
                await Task.Delay(50);
            }

            using (JsonDocument.Parse(await File.ReadAllTextAsync(profile)))
            {
            }

            var elapsed = await SignalAndWaitAsync(process, signal);

            Assert.True(elapsed < StopBudget, $"stopped {elapsed.TotalMilliseconds:F0} ms after SIG{signal}");
            Assert.Equal(ExitCodes.Ok, process.ExitCode);
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>The built command line, run with the same dotnet host as the tests, in its own output folder.</summary>
    private static Process Start(params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chokepoint.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<TimeSpan> SignalAndWaitAsync(Process process, string signal)
    {
        using (var kill = Process.Start("/bin/kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return clock.Elapsed;
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
