using System.Diagnostics;
using Chokepoint.Engine;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli.Tests;

/// <summary>Bad input files are refused in one line; output files are written whole or not at all.</summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chokepoint-files-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_device_is_refused_in_one_line()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["analyze", "/dev/zero"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("chokepoint: /dev/zero: not a regular file", error.Trim());
    }

    [Theory]
    [InlineData("audit", "example.org", "--network", "/dev/zero")]
    [InlineData("audit", "example.org", "--trust-ca", "/dev/zero")]
    [InlineData("audit", "example.org", "--asn-db", "/dev/zero")]
    [InlineData("audit", "example.org", "--har", "/dev/zero")]
    [InlineData("identify", "ip", "192.0.2.1", "--asn-db", "/dev/zero")]
    [InlineData("sim", "serve", "/dev/zero")]
    [InlineData("data", "update", "--asn-csv", "/dev/zero")]
    [InlineData("data", "update", "--psl", "/dev/zero")]
    [InlineData("data", "update", "--asn-tsv", "/dev/zero")]
    public async Task Every_file_input_refuses_a_device(params string[] args)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(args).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("chokepoint: /dev/zero: not a regular file", error.Trim());
    }

    [Fact]
    public async Task A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_folder.FullName, "pipe.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (exitCode, _, error) = await CliRunner.RunAsync(["analyze", fifo]).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"chokepoint: {fifo}: not a regular file", error.Trim());
    }

    [Fact]
    public async Task A_directory_is_refused()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["analyze", _folder.FullName + "/", "--format", "json"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("not a regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observations_file_over_the_limit_is_refused_without_reading_it()
    {
        var huge = Path.Combine(_folder.FullName, "huge.json");
        using (var stream = File.Create(huge))
        {
            stream.SetLength((256 * InputFile.MiB) + 1);
        }

        var stopwatch = Stopwatch.StartNew();
        var (exitCode, _, error) = await CliRunner.RunAsync(["analyze", huge]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"chokepoint: {huge}: larger than 256 MiB; not an observations file", error.Trim());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_file_longer_than_its_reported_length_is_cut_at_the_limit()
    {
        // /proc files report a length of 0 but have content: the limit holds on what is read, not on what is reported.
        var exception = Assert.Throws<EngineException>(() => InputFile.ReadAllText("/proc/self/maps", 16, "a small file"));

        Assert.True(exception.IsUsageError);
        Assert.Contains("not a small file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_for_observations_and_report_is_refused()
    {
        var same = Path.Combine(_folder.FullName, "out.json");
        File.WriteAllText(same, "previous");

        var (exitCode, _, error) = await CliRunner.RunAsync(["audit", "example.org", "--save-observations", same, "-o", same]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal("previous", File.ReadAllText(same));
    }

    [Fact]
    public async Task A_report_over_its_own_input_is_refused()
    {
        var observations = Path.Combine(_folder.FullName, "obs.json");
        File.Copy(Fixture(), observations);

        var (exitCode, _, error) = await CliRunner.RunAsync(["analyze", observations, "-o", observations]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(File.ReadAllText(Fixture()), File.ReadAllText(observations));
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_fails_in_one_line_and_leaves_no_temporary_file()
    {
        var target = Directory.CreateDirectory(Path.Combine(_folder.FullName, "report.json"));
        File.WriteAllText(Path.Combine(target.FullName, "kept"), "kept");

        var (exitCode, _, error) = await CliRunner.RunAsync(["analyze", Fixture(), "-o", target.FullName]);

        Assert.Equal(ExitCodes.RunFailed, exitCode);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(target.FullName, "kept")));
        Assert.Equal(["report.json"], _folder.EnumerateFileSystemInfos().Select(entry => entry.Name));
    }

    [Fact]
    public async Task A_write_that_fails_midway_keeps_the_previous_file()
    {
        var target = Path.Combine(_folder.FullName, "report.txt");
        File.WriteAllText(target, "previous report");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(target, async (stream, token) =>
        {
            await stream.WriteAsync("half a rep"u8.ToArray(), token);
            throw new InvalidOperationException("the renderer failed");
        }, CancellationToken.None));

        Assert.Equal("previous report", File.ReadAllText(target));
        Assert.Equal(["report.txt"], _folder.EnumerateFiles().Select(file => file.Name));
    }

    [Fact]
    public async Task A_cancelled_generate_leaves_no_file()
    {
        var world = Path.Combine(_folder.FullName, "world.yaml");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var (exitCode, _, _) = await CliRunner.RunAsync(["sim", "generate", "--sites", "5", "-o", world], cancelled.Token);

        Assert.NotEqual(ExitCodes.Ok, exitCode);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Generate_writes_the_whole_world()
    {
        var world = Path.Combine(_folder.FullName, "world.yaml");
        File.WriteAllText(world, "previous");

        var (exitCode, _, _) = await CliRunner.RunAsync(["sim", "generate", "--sites", "5", "-o", world]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.NotNull(Chokepoint.Simulation.World.WorldLoader.Load(world).World);
        Assert.Equal(["world.yaml"], _folder.EnumerateFiles().Select(file => file.Name));
    }

    private static string Fixture()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Chokepoint.Observations.Tests", "Data", "onestack-demo.v1.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("onestack-demo.v1.json");
    }
}
