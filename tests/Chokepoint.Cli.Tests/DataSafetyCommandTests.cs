using System.Diagnostics;
using System.Globalization;
using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// The data sets at the command line: <c>data update</c> never replaces a good index with a bad one and stops on a
/// signal with the old data as it was; a corrupt installed index is one clear line in <c>identify</c> and a gap in
/// <c>audit</c>, never a crash.
/// </summary>
public sealed class DataSafetyCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("chokepoint-data-cli-");
    private readonly DataDirectory data;

    public DataSafetyCommandTests()
    {
        data = new DataDirectory(Path.Combine(folder.FullName, "data"));
        Directory.CreateDirectory(data.IndexDirectory);
        // A tiny Public Suffix List is enough for the engine to load; the tests are about the IP-to-ASN index.
        File.WriteAllText(data.PublicSuffixOverride, "com\norg\nexample\n");
        DataUpdater.Update(data, [new FileInfo(Write("good.csv", "1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\n"))], null, null);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new StringCliConsole();
        var exitCode = await CliApplication.RunAsync(args, new CliContext(console, TimeProvider.System, data), CancellationToken.None);
        return (exitCode, console.OutText, console.ErrorText);
    }

    private void Corrupt()
    {
        var bytes = File.ReadAllBytes(data.AsnIndex);
        bytes[30] ^= 0xFF;
        File.WriteAllBytes(data.AsnIndex, bytes[..^1]);
    }

    [Fact]
    public async Task Data_update_with_a_garbage_file_exits_2_in_one_line_and_keeps_the_index()
    {
        var before = File.ReadAllBytes(data.AsnIndex);

        var (exitCode, output, error) = await RunAsync("data", "update", "--asn-csv", Write("garbage.csv", "<html>not found</html>\n"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no IP-to-ASN range", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(data.AsnIndex));
        var identified = await RunAsync("identify", "ip", "1.0.0.1");
        Assert.Equal(ExitCodes.Ok, identified.ExitCode);
    }

    [Fact]
    public async Task Identify_ip_on_a_corrupt_index_is_one_clear_line()
    {
        Corrupt();

        var (exitCode, output, error) = await RunAsync("identify", "ip", "1.0.0.1");

        Assert.Equal(ExitCodes.RunFailed, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"chokepoint: {data.AsnIndex}: corrupt IP-to-ASN index: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; run `chokepoint data update`", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_on_a_corrupt_index_reports_the_gap_and_does_not_crash()
    {
        Corrupt();

        // Every server is a closed loopback port: nothing leaves the machine and the audit ends quickly.
        var (exitCode, output, _) = await RunAsync(
            "audit", "example.org", "--resolver", "127.0.0.1:1", "--rdap-bootstrap", "http://127.0.0.1:1/",
            "--address-policy", "simulation", "--timeout", "2", "--format", "json");

        // Nothing answered and the ASN data is unreadable: an incomplete result (exit 4), not a crash.
        Assert.Equal(ExitCodes.Incomplete, exitCode);
        Assert.Contains($"{data.AsnIndex}: corrupt IP-to-ASN index: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_stops_data_update_within_a_second_and_leaves_the_old_index()
    {
        var before = File.ReadAllBytes(data.AsnIndex);
        var big = Path.Combine(folder.FullName, "big.csv");
        await using (var writer = new StreamWriter(big))
        {
            for (var i = 0; i < 600_000; i++)
            {
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}.0,{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}.255,{i},ORGANISATION {i}\n"));
            }
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "chokepoint.dll"), "data", "update", "--asn-csv", big })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CHOKEPOINT_DATA"] = data.Root;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();

        // The build has begun once its hidden temporary file is there beside the index.
        var waited = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(data.IndexDirectory, ".*.tmp").Any())
        {
            Assert.False(process.HasExited, "data update ended before it was signalled");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "data update never started building");
            await Task.Delay(10);
        }

        var signalled = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(limit.Token);
        var stoppedAfter = signalled.Elapsed;

        Assert.True(stoppedAfter < TimeSpan.FromSeconds(1), $"stopped {stoppedAfter} after SIGTERM");
        Assert.Equal(ExitCodes.RunFailed, process.ExitCode);
        Assert.Equal("chokepoint: cancelled", (await error).Trim());
        Assert.Equal(before, File.ReadAllBytes(data.AsnIndex));
        Assert.Equal(["asn.idx", "public_suffix_list.dat"], Directory.GetFiles(data.IndexDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
