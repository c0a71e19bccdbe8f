using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chokepoint.Scanning;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.Generation;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// <c>chokepoint scan</c> against the simulated internet: JSON Lines and CSV output, bad lines skipped with their
/// line number, a real <c>kill -9</c> of the process and a rerun that loses no site and writes none twice, and the
/// global rate limit measured on the journal's start times.
/// </summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chokepoint-scan-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string InFolder(string name) => Path.Combine(_folder.FullName, name);

    private static async Task<string> ProfileAsync(SimulatedInternet internet, string path)
    {
        await internet.WriteProfileAsync(path, CancellationToken.None);
        return path;
    }

    [Fact]
    public async Task Scan_writes_one_json_line_per_site_and_reports_bad_lines_by_number()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var domains = DemoWorld.Sites.Select(s => s.Domain).Take(3).ToList();
        var list = InFolder("sites.txt");
        await File.WriteAllTextAsync(list, $"# demo\n{domains[0]}\n192.0.2.1\nhttps://www.{domains[1]}/\n{domains[0]}\n{domains[2]}\n");
        var output = InFolder("scan.jsonl");

        var (exitCode, _, error) = await CliRunner.RunAsync(["scan", "-l", list, "-o", output, "--network", profile, "--quiet"]);

        Assert.Contains(exitCode, new[] { ExitCodes.Ok, ExitCodes.Incomplete });
        Assert.Contains("line 3: skipped '192.0.2.1'", error, StringComparison.Ordinal);
        Assert.Contains("line 5: skipped", error, StringComparison.Ordinal);
        Assert.Contains("duplicate of line 2", error, StringComparison.Ordinal);
        var records = (await File.ReadAllLinesAsync(output)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([2, 4, 6], records.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(domains, records.Select(r => r.GetProperty("domain").GetString()));
        Assert.Equal($"https://www.{domains[1]}/", records[1].GetProperty("input").GetString());
        foreach (var record in records)
        {
            var completeness = record.GetProperty("completeness").GetString();
            Assert.Contains(completeness, new[] { "complete", "incomplete", "failed" });
            Assert.Equal(completeness == "complete", record.GetProperty("reason").ValueKind == JsonValueKind.Null);
            if (completeness != "failed")
            {
                Assert.Equal(record.GetProperty("domain").GetString(), record.GetProperty("report").GetProperty("domain").GetString());
            }
        }

        Assert.Equal(records.Any(r => r.GetProperty("completeness").GetString() != "complete") ? ExitCodes.Incomplete : ExitCodes.Ok, exitCode);
        Assert.True(File.Exists(output + ".journal.sqlite"));
    }

    [Fact]
    public async Task Scan_as_csv_writes_a_header_and_one_row_per_site_to_stdout()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var domains = DemoWorld.Sites.Select(s => s.Domain).Take(2).ToList();
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, domains);

        var (_, stdout, _) = await CliRunner.RunAsync(["scan", "-l", list, "--format", "csv", "--network", profile, "--quiet"]);

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ScanRecord.CsvHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal(domains.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[2]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_scan_killed_with_sigkill_and_run_again_has_every_site_exactly_once()
    {
        var world = WorldGenerator.Generate(120, seed: 14);
        await using var internet = await SimulatedInternet.StartAsync(world);
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var domains = world.Sites.Select(s => s.Domain).ToList();
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, domains);
        var output = InFolder("scan.jsonl");
        string[] arguments = ["scan", "-l", list, "-o", output, "--network", profile, "-c", "4", "--quiet"];

        using (var process = Start(arguments))
        {
            try
            {
                var clock = Stopwatch.StartNew();
                while (LineCount(output) < 5)
                {
                    Assert.False(process.HasExited, "the scan ended before it was killed");
                    Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the scan journalled no sites");
                    await Task.Delay(20);
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        var journalled = ScanJournal.Read(output + ".journal.sqlite").Count;
        Assert.InRange(journalled, 5, domains.Count - 1);

        var (exitCode, _, error) = await CliRunner.RunAsync(arguments);

        Assert.True(exitCode is ExitCodes.Ok or ExitCodes.Incomplete, error);
        var seen = (await File.ReadAllLinesAsync(output)).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("domain").GetString()).ToList();
        Assert.Equal(domains.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(domains.Count, ScanJournal.Read(output + ".journal.sqlite").Count);
    }

    [Fact]
    public async Task The_global_rate_limit_spaces_the_sites_starts()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var domains = DemoWorld.Sites.Select(s => s.Domain).Take(9).ToList();
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, domains);
        var output = InFolder("scan.jsonl");
        const double rate = 4;

        await CliRunner.RunAsync(["scan", "-l", list, "-o", output, "--network", profile, "-c", "9", "--rate", rate.ToString(CultureInfo.InvariantCulture), "--quiet"]);

        var starts = ScanJournal.Read(output + ".journal.sqlite").Select(e => e.StartedAt).Order().ToList();
        Assert.Equal(domains.Count, starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            for (var j = i + 1; j < starts.Count; j++)
            {
                // A token bucket of one token refilled on its own tick allows at most 1 + rate * t starts in any window of
                // t seconds: j - i starts after the i-th need (j - i - 1) / rate seconds (less a little timer slack). The
                // first of them may take a token that was waiting, just before the tick that brings the next.
                var least = TimeSpan.FromSeconds((j - i - 1) / rate * 0.9);
                Assert.True(starts[j] - starts[i] >= least, $"sites {i} and {j} started {(starts[j] - starts[i]).TotalMilliseconds:F0} ms apart");
            }
        }
    }

    /// <summary>No DNS server sees more than --dns-server-rate queries a second: counted at the simulated resolver.</summary>
    [Fact]
    public async Task The_dns_server_rate_bounds_the_queries_the_simulated_resolver_receives()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, DemoWorld.Sites.Select(s => s.Domain).Take(5));
        const int rate = 10;

        var clock = Stopwatch.StartNew();
        var (exitCode, _, error) = await CliRunner.RunAsync(["scan", "-l", list, "-o", InFolder("scan.jsonl"), "--network", profile, "--quiet",
            "--dns-server-rate", rate.ToString(CultureInfo.InvariantCulture), "--timeout", "60"]);
        var elapsed = clock.Elapsed.TotalSeconds;
        await internet.Dns.Queries.WhenQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        var atResolver = internet.Dns.Queries.Snapshot().Where(q => q.Key.Resolver).Sum(q => q.Value);

        Assert.True(exitCode is ExitCodes.Ok or ExitCodes.Incomplete, error);

        // The limit mattered (more queries than one second's worth) and held: a full bucket, then `rate` a second.
        Assert.True(atResolver > 3 * rate, $"only {atResolver} queries reached the resolver");
        Assert.True(atResolver <= rate * (elapsed + 1), $"{atResolver} queries at the resolver in {elapsed:F1} s");
    }

    /// <summary>No RDAP server sees more than --rdap-server-rate requests a second: counted at the simulated RDAP server.</summary>
    [Fact]
    public async Task The_rdap_server_rate_bounds_the_requests_the_simulated_rdap_server_receives()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, DemoWorld.Sites.Select(s => s.Domain).Take(6));
        const int rate = 2;

        var clock = Stopwatch.StartNew();
        var (exitCode, _, error) = await CliRunner.RunAsync(["scan", "-l", list, "-o", InFolder("scan.jsonl"), "--network", profile, "--quiet",
            "--rdap-server-rate", rate.ToString(CultureInfo.InvariantCulture), "--timeout", "60"]);
        var elapsed = clock.Elapsed.TotalSeconds;
        var requests = internet.Rdap.Requests.Values.Sum();

        Assert.True(exitCode is ExitCodes.Ok or ExitCodes.Incomplete, error);
        Assert.True(requests > 3 * rate, $"only {requests} requests reached the RDAP server");
        Assert.True(requests <= rate * (elapsed + 1), $"{requests} RDAP requests in {elapsed:F1} s");
    }

    /// <summary>Regression: a binary file gave a warning for every line of garbage and exited 0 having scanned nothing.</summary>
    [Fact]
    public async Task A_binary_file_or_a_list_with_no_domain_is_one_clear_line_and_exit_2()
    {
        var binary = InFolder("list.bin");
        await File.WriteAllBytesAsync(binary, [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0a, 0x00, 0xff, 0x0a, 0x41]);
        var garbage = InFolder("garbage.txt");
        await File.WriteAllLinesAsync(garbage, ["# nothing here", "10.0.0.1", "com", "not a domain"]);
        var (binaryExit, _, binaryError) = await CliRunner.RunAsync(["scan", "-l", binary, "-o", InFolder("a.jsonl"), "--quiet"]);
        var (garbageExit, _, garbageError) = await CliRunner.RunAsync(["scan", "-l", garbage, "-o", InFolder("b.jsonl"), "--quiet"]);

        Assert.Equal(ExitCodes.UsageError, binaryExit);
        Assert.Contains("NUL byte", binaryError, StringComparison.Ordinal);
        Assert.Single(binaryError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ExitCodes.UsageError, garbageExit);
        Assert.Contains("no domain to scan (3 lines skipped)", garbageError, StringComparison.Ordinal);
        Assert.Contains("line 2:", garbageError, StringComparison.Ordinal);
        Assert.False(File.Exists(InFolder("a.jsonl")));
    }

    [Theory]
    [InlineData("--web-host-concurrency", "0")]
    [InlineData("--web-host-rate", "-1")]
    public async Task Web_host_limits_that_cannot_work_are_refused(string option, string value)
    {
        var list = InFolder("one.txt");
        await File.WriteAllLinesAsync(list, ["example.com"]);

        var (exitCode, _, error) = await CliRunner.RunAsync(["scan", "-l", list, option, value, "--quiet"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--web-host-concurrency must be at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_of_another_list_is_refused_without_restart()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var domains = DemoWorld.Sites.Select(s => s.Domain).Take(2).ToList();
        var list = InFolder("sites.txt");
        var output = InFolder("scan.jsonl");
        await File.WriteAllLinesAsync(list, domains.Take(1));
        await CliRunner.RunAsync(["scan", "-l", list, "-o", output, "--network", profile, "--quiet"]);
        await File.WriteAllLinesAsync(list, domains);

        var (refused, _, error) = await CliRunner.RunAsync(["scan", "-l", list, "-o", output, "--network", profile, "--quiet"]);
        var (restarted, _, _) = await CliRunner.RunAsync(["scan", "-l", list, "-o", output, "--network", profile, "--quiet", "--restart"]);

        Assert.Equal(ExitCodes.UsageError, refused);
        Assert.Contains("--restart", error, StringComparison.Ordinal);
        Assert.True(restarted is ExitCodes.Ok or ExitCodes.Incomplete);
        Assert.Equal(2, (await File.ReadAllLinesAsync(output)).Length);
    }

    [Fact]
    public async Task The_summary_covers_every_site_the_journal_holds_also_when_a_rerun_scans_none()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var domains = DemoWorld.Sites.Select(s => s.Domain).Take(3).ToList();
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, domains);
        var output = InFolder("scan.jsonl");
        var summary = InFolder("summary.md");
        string[] arguments = ["scan", "-l", list, "-o", output, "--network", profile, "--quiet", "--summary", summary];

        var (first, _, firstError) = await CliRunner.RunAsync(arguments);
        Assert.True(first is ExitCodes.Ok or ExitCodes.Incomplete, firstError);
        Assert.Contains($"summary of 3 sites written to {summary}", firstError, StringComparison.Ordinal);
        Assert.True(File.Exists(summary));
        File.Delete(summary);

        // Every site is in the journal already: this run scans none, and its summary still covers all three.
        var (second, _, secondError) = await CliRunner.RunAsync(arguments);

        Assert.True(second is ExitCodes.Ok or ExitCodes.Incomplete, secondError);
        Assert.Contains($"summary of 3 sites written to {summary}", secondError, StringComparison.Ordinal);
        Assert.True(File.Exists(summary));
        using var reader = new StreamReader(output);
        var built = ScanResultsReader.Summarize(reader, new Chokepoint.Analysis.Concentration.ConcentrationBuilder(), line => Assert.Fail(line.Problem)).Report;
        Assert.Equal(domains.Count, built.Sites);
        Assert.All(built.Layers, l => Assert.Equal(domains.Count, l.Observed + l.Incomplete));
    }

    [Fact]
    public async Task Without_an_output_file_the_summary_is_made_from_the_journal()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = await ProfileAsync(internet, InFolder("profile.json"));
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, DemoWorld.Sites.Select(s => s.Domain).Take(2));
        var summary = InFolder("summary.json");

        var (exitCode, stdout, error) = await CliRunner.RunAsync(
            ["scan", "-l", list, "--journal", InFolder("scan.journal.sqlite"), "--network", profile, "--quiet", "--summary", summary, "--summary-format", "markdown"]);

        Assert.True(exitCode is ExitCodes.Ok or ExitCodes.Incomplete, error);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"summary of 2 sites written to {summary}", error, StringComparison.Ordinal);
        Assert.True(File.Exists(summary));
    }

    [Theory]
    [InlineData("csv", "summary.md", "needs the JSON Lines format")]
    [InlineData("jsonl", "scan.jsonl", "given as both --output and --summary")]
    [InlineData("jsonl", "sites.txt", "given as both --list and --summary")]
    public async Task A_summary_that_cannot_be_made_or_would_overwrite_a_file_is_refused(string format, string summary, string message)
    {
        var list = InFolder("sites.txt");
        await File.WriteAllLinesAsync(list, ["example.org"]);

        var (exitCode, _, error) = await CliRunner.RunAsync(
            ["scan", "-l", list, "--format", format, "-o", InFolder("scan.jsonl"), "--summary", InFolder(summary), "--quiet"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(InFolder("scan.jsonl.journal.sqlite")));
    }

    private static int LineCount(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Count(c => c == '\n');
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The built command line, run with the same dotnet host as the tests.</summary>
    private static Process Start(string[] arguments)
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
}
