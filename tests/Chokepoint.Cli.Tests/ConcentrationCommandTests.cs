using System.Text.Json;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;
using Chokepoint.Scanning;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// <c>chokepoint concentration</c> on saved scan results made from two real demo-world reports and a failed site: the
/// summary written, malformed lines numbered and counted in the exit code, and a file with no site refused in one line.
/// </summary>
public sealed class ConcentrationCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chokepoint-concentration-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string InFolder(string name) => Path.Combine(_folder.FullName, name);

    private static AuditReport Fixture(string site) => JsonSerializer.Deserialize<AuditReport>(
        File.ReadAllText(RepositoryFiles.Path("tests", "Chokepoint.Reporting.Tests", "Html", "Fixtures", site + ".json")), ReportJson.Options)!;

    private static string[] ScanLines()
    {
        var news = Fixture("dailyledger-news.com");
        var shop = Fixture("tinyteapot-shop.com");
        return
        [
            ScanRecord.Of(new ScanEntry(1, news.Domain, news.Domain), news).RenderJson(),
            new ScanRecord(new ScanEntry(2, "down.test", "down.test"), Completeness.Failed, "timed out", null).RenderJson(),
            ScanRecord.Of(new ScanEntry(3, "https://" + shop.Domain + "/", shop.Domain), shop).RenderJson(),
        ];
    }

    private static ConcentrationReport Summary(string path)
    {
        using var reader = new StreamReader(path);
        return ScanResultsReader.Summarize(reader, new ConcentrationBuilder(), line => Assert.Fail($"line {line.Line} skipped: {line.Problem}")).Report;
    }

    [Fact]
    public async Task A_saved_scan_is_summarised_to_the_file_given()
    {
        var scan = InFolder("scan.jsonl");
        await File.WriteAllLinesAsync(scan, ScanLines());
        var output = InFolder("summary.json");

        var (exitCode, stdout, error) = await CliRunner.RunAsync(["concentration", scan, "--format", "json", "-o", output]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Empty(stdout);
        Assert.True(File.Exists(output));
        Assert.Contains($"written to {output}", error, StringComparison.Ordinal);
        Assert.Contains("0 of 3 sites incomplete, 1 failed", error, StringComparison.Ordinal);
        var report = Summary(scan);
        Assert.Equal((3, 1, 2), (report.Sites, report.Failed, report.Complete));
        // dailyledger-news.com is seen only through Fastly's edge: its hosting is not observed, the other layers are.
        Assert.All(report.Layers.Where(l => l.Layer != Layer.Hosting), l => Assert.Equal((2, 1), (l.Observed, l.Incomplete)));
        Assert.Equal((1, 2), report.Layers.Single(l => l.Layer == Layer.Hosting) is var h ? (h.Observed, h.Incomplete) : default);
        Assert.Equal(1, report.Headlines.Single(h => h.Id == ConcentrationBuilder.DnsCdnCaHeadline).Undetermined);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    [InlineData("html")]
    public async Task Every_format_is_accepted_on_standard_output(string format)
    {
        var scan = InFolder("scan.jsonl");
        await File.WriteAllLinesAsync(scan, ScanLines());

        var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", scan, "--format", format]);

        Assert.True(exitCode == ExitCodes.Ok, error);
    }

    [Fact]
    public async Task A_malformed_line_is_named_by_number_skipped_and_exits_4()
    {
        var lines = ScanLines();
        var scan = InFolder("scan.jsonl");
        await File.WriteAllLinesAsync(scan, [lines[0], "", "{\"line\": 9, \"domain\": ", lines[2]]);

        var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", scan, "-o", InFolder("summary.txt")]);

        Assert.Equal(ExitCodes.Incomplete, exitCode);
        Assert.Contains("line 3: skipped: not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("1 of 3 lines skipped", error, StringComparison.Ordinal);
        Assert.True(File.Exists(InFolder("summary.txt")));
    }

    [Fact]
    public async Task An_empty_file_is_refused_with_one_line_and_exit_2()
    {
        var scan = InFolder("empty.jsonl");
        await File.WriteAllTextAsync(scan, "\n\n");

        var (exitCode, stdout, error) = await CliRunner.RunAsync(["concentration", scan]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"chokepoint: {scan}: empty: no scan record or report to summarise", error.Trim());
    }

    [Fact]
    public async Task A_missing_file_is_refused_with_one_line_and_exit_2()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", InFolder("nothing.jsonl")]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"chokepoint: {InFolder("nothing.jsonl")}: no such file", error.Trim());
    }

    [Fact]
    public async Task A_file_of_malformed_lines_only_is_refused_and_no_summary_is_written()
    {
        var scan = InFolder("bad.jsonl");
        await File.WriteAllLinesAsync(scan, ["not json", "{\"hello\": 1}"]);
        var output = InFolder("summary.md");

        var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", scan, "-o", output]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("line 1: skipped", error, StringComparison.Ordinal);
        Assert.Contains("line 2: skipped", error, StringComparison.Ordinal);
        Assert.Contains("no valid scan record or report in it (2 lines skipped)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_csv_scan_is_refused_with_the_format_to_use()
    {
        var scan = InFolder("scan.csv");
        await File.WriteAllLinesAsync(scan, [ScanRecord.CsvHeader, "1,a.test,a.test,failed,timed out,,,,,,,,,"]);

        var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", scan]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--format jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_may_not_be_the_input()
    {
        var scan = InFolder("scan.jsonl");
        await File.WriteAllLinesAsync(scan, ScanLines());

        var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", scan, "-o", scan]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("would overwrite", error, StringComparison.Ordinal);
        Assert.Equal(ScanLines(), await File.ReadAllLinesAsync(scan));
    }

    [Fact]
    public async Task Duplicate_records_are_counted_and_said()
    {
        var lines = ScanLines();
        var scan = InFolder("scan.jsonl");
        await File.WriteAllLinesAsync(scan, [.. lines, lines[0]]);

        var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", scan, "--format", "json"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("1 records of a domain already counted were ignored", error, StringComparison.Ordinal);
        Assert.Equal((3, 1), (Summary(scan).Sites, Summary(scan).Duplicates));
    }
}
