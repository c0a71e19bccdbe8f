using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;
using Chokepoint.Scanning;
using CsCheck;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// Saved scan results on hostile lines: real scan records and reports with any member replaced by null or a value of
/// another type, and cut or spliced text. A line is read or skipped with a reason of one line, never an exception, and
/// whatever is read can be summarised; the command answers 0, 2 or 4 with no exception.
/// </summary>
public sealed class ConcentrationInputProperties
{
    private static AuditReport Fixture(string site) => JsonSerializer.Deserialize<AuditReport>(
        File.ReadAllText(RepositoryFiles.Path("tests", "Chokepoint.Reporting.Tests", "Html", "Fixtures", site + ".json")), ReportJson.Options)!;

    private static readonly string[] Seeds = MakeSeeds();

    private static readonly string[] Replacements = ["null", "[]", "{}", "\"x\"", "0", "-1", "true", "[null]", "{\"id\":null}", "\"self:x\"", "\"failed\"", "[[]]"];

    private static readonly Gen<string> Lines = Gen.OneOf(
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, int.MaxValue].Array[1, 8]).Select((seed, ops) => Replace(Seeds[seed], ops)),
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, int.MaxValue].Array[0, 12]).Select((seed, ops) => Splice(Seeds[seed], ops)),
        Gen.String);

    private static string[] MakeSeeds()
    {
        var news = Fixture("dailyledger-news.com");
        var shop = Fixture("tinyteapot-shop.com");
        return
        [
            ScanRecord.Of(new ScanEntry(1, news.Domain, news.Domain), news).RenderJson(),
            ScanRecord.Of(new ScanEntry(2, shop.Domain, shop.Domain), shop).RenderJson(),
            new ScanRecord(new ScanEntry(3, "down.test", "down.test"), Completeness.Failed, "timed out", null).RenderJson(),
            ReportJson.RenderLine(shop),
        ];
    }

    [Fact]
    public void Any_line_is_read_or_skipped_and_what_is_read_can_be_summarised() =>
        Lines.Sample(text =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var read = ScanResultsReader.Parse(7, text);
            Assert.Equal(7, read.Line);
            if (read.Skipped)
            {
                Assert.DoesNotContain('\n', read.Problem!);
                return;
            }

            Assert.False(string.IsNullOrWhiteSpace(read.Domain));
            var builder = new ConcentrationBuilder();
            Assert.True(read.Report is { } report ? builder.Add(report) : builder.AddFailed(read.Domain!));
            var summary = builder.Build();
            Assert.Equal(1, summary.Sites);
            Assert.All(summary.Layers, l => Assert.Equal(1, l.Observed + l.Incomplete));
            Assert.All(summary.Headlines, h => Assert.Equal(1, h.Dependent + h.NotDependent + h.Undetermined));
        }, iter: Fuzz.Iterations(500));

    [Theory]
    [InlineData("layers")]
    [InlineData("chokepoints")]
    [InlineData("functions")]
    public void A_report_with_a_null_list_is_skipped_instead_of_throwing(string member)
    {
        var record = JsonNode.Parse(Seeds[0])!;
        record["report"]![member] = null;
        var read = ScanResultsReader.Parse(1, record.ToJsonString());
        Assert.True(read.Skipped, read.Domain);
        Assert.Contains("has no", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_without_a_company_is_skipped_instead_of_throwing()
    {
        var record = JsonNode.Parse(Seeds[0])!;
        record["report"]!["layers"]![1]!["dependencies"]![0]!["entity"] = null;
        var read = ScanResultsReader.Parse(1, record.ToJsonString());
        Assert.True(read.Skipped, read.Domain);
    }

    [Fact]
    public async Task Any_file_gives_a_summary_or_one_line_and_exit_2()
    {
        var folder = Directory.CreateTempSubdirectory("chokepoint-concentration-fuzz-");
        try
        {
            var path = Path.Combine(folder.FullName, "scan.jsonl");
            var files = Gen.Select(Lines.Array[0, 4], Gen.Int[0, Seeds.Length - 1].Array[0, 2])
                .Select((bad, good) => string.Join('\n', bad.Concat(good.Select(i => Seeds[i])).Select(l => l.Replace('\n', ' ').Replace('\r', ' '))));
            await files.SampleAsync(async text =>
            {
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(false));
                var (exitCode, _, error) = await CliRunner.RunAsync(["concentration", path, "--format", "json"]);
                Assert.True(exitCode is ExitCodes.Ok or ExitCodes.UsageError or ExitCodes.Incomplete, $"exit {exitCode}: {error}");
                Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            }, iter: Fuzz.Iterations(40), threads: 1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Replaces members or items of the line's JSON, chosen by <paramref name="ops"/>, with other values.</summary>
    private static string Replace(string seed, int[] ops)
    {
        var root = JsonNode.Parse(seed)!;
        for (var i = 0; i + 1 < ops.Length; i += 2)
        {
            var places = new List<(JsonNode Parent, string? Key, int Index)>();
            Collect(root, places);
            if (places.Count == 0)
            {
                break;
            }

            var (parent, key, index) = places[ops[i] % places.Count];
            var value = JsonNode.Parse(Replacements[ops[i + 1] % Replacements.Length]);
            if (parent is JsonObject o)
            {
                o[key!] = value;
            }
            else
            {
                ((JsonArray)parent)[index] = value;
            }
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> places)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                places.Add((o, key, 0));
                if (child is not null)
                {
                    Collect(child, places);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                places.Add((a, null, i));
                if (a[i] is { } child)
                {
                    Collect(child, places);
                }
            }
        }
    }

    /// <summary>Cuts, deletes and inserts JSON tokens in the text.</summary>
    private static string Splice(string seed, int[] ops)
    {
        var text = new StringBuilder(seed);
        string[] tokens = ["{", "}", "[", "]", "\"", ":", ",", "null", "\\", "\"\\ud800\"", "1e999"];
        for (var i = 0; i + 2 < ops.Length; i += 3)
        {
            var at = ops[i + 1] % (text.Length + 1);
            switch (ops[i] % 3)
            {
                case 0:
                    text.Remove(at, Math.Min(text.Length - at, 1 + (ops[i + 2] % 8)));
                    break;
                case 1:
                    text.Insert(at, tokens[ops[i + 2] % tokens.Length]);
                    break;
                default:
                    text.Length = at;
                    break;
            }
        }

        return text.ToString();
    }
}
