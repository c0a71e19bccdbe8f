using System.Text.Json;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Scanning.Tests;

/// <summary>
/// Saved scan results read line by line: scan records and bare report lines of two real demo-world reports, failed
/// sites, malformed lines skipped with their number, whole-file shapes refused, and the summary's numbers.
/// </summary>
public sealed class ScanResultsReaderTests
{
    private static AuditReport Fixture(string site) => JsonSerializer.Deserialize<AuditReport>(
        File.ReadAllText(RepositoryFiles.Path("tests", "Chokepoint.Reporting.Tests", "Html", "Fixtures", site + ".json")), ReportJson.Options)!;

    private static readonly AuditReport News = Fixture("dailyledger-news.com");
    private static readonly AuditReport Shop = Fixture("tinyteapot-shop.com");

    private static string RecordLine(int line, AuditReport report) => ScanRecord.Of(new ScanEntry(line, report.Domain, report.Domain), report).RenderJson();

    private static string FailedLine(int line, string domain) =>
        new ScanRecord(new ScanEntry(line, domain, domain), Completeness.Failed, "timed out", null).RenderJson();

    private static (ScanResultsSummary Summary, List<ScanResultLine> Skipped) Summarize(string text)
    {
        var skipped = new List<ScanResultLine>();
        var summary = ScanResultsReader.Summarize(new StringReader(text), new ConcentrationBuilder(), skipped.Add);
        return (summary, skipped);
    }

    [Fact]
    public void Scan_records_give_reports_and_failed_sites_and_malformed_lines_are_skipped_by_number()
    {
        var text = string.Join('\n',
            RecordLine(1, News),
            "",
            "{\"line\": 2, \"domain\": \"broken.test\", \"completeness\": \"complete\", \"report\": {\"domain\": ",
            FailedLine(4, "down.test"),
            "[1, 2]",
            RecordLine(6, Shop),
            "{\"line\": 7, \"domain\": \"other.test\", \"completeness\": \"done\", \"report\": null}",
            "{\"line\": 8, \"domain\": \"null-report.test\", \"completeness\": \"incomplete\", \"report\": null}",
            "{\"hello\": \"world\"}") + "\n";

        var (summary, skipped) = Summarize(text);

        Assert.Equal([3, 5, 7, 9], skipped.Select(s => s.Line));
        Assert.StartsWith("not valid JSON", skipped[0].Problem, StringComparison.Ordinal);
        Assert.Contains("array", skipped[1].Problem, StringComparison.Ordinal);
        Assert.Contains("completeness", skipped[2].Problem, StringComparison.Ordinal);
        Assert.Equal(4, summary.Records);
        Assert.Equal(4, summary.Skipped);
        var r = summary.Report;
        Assert.Equal((4, 2, 2, 0), (r.Sites, r.Failed, r.Complete, r.Duplicates));
    }

    [Fact]
    public void Bare_report_lines_are_read_as_sites()
    {
        var lines = ScanResultsReader.Read(new StringReader(ReportJson.RenderLine(News) + "\n\n" + ReportJson.RenderLine(Shop) + "\n")).ToList();

        Assert.Equal([1, 3], lines.Select(l => l.Line));
        Assert.Equal([News.Domain, Shop.Domain], lines.Select(l => l.Domain));
        Assert.All(lines, l => Assert.False(l.Skipped || l.Failed));
        Assert.Equal(News.Chokepoints.Count, lines[0].Report!.Chokepoints.Count);
    }

    [Fact]
    public void A_record_whose_report_names_another_domain_is_skipped()
    {
        var line = ScanRecord.Of(new ScanEntry(1, "elsewhere.test", "elsewhere.test"), News).RenderJson();
        var read = ScanResultsReader.Parse(1, line);
        Assert.True(read.Skipped);
        Assert.Contains(News.Domain, read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_scan_and_an_indented_json_document_are_refused_whole()
    {
        var csv = Assert.Throws<ScanException>(() => ScanResultsReader.Read(new StringReader(ScanRecord.CsvHeader + "\n1,a.test,a.test,complete\n")).ToList());
        Assert.Contains("--format jsonl", csv.Message, StringComparison.Ordinal);
        var indented = Assert.Throws<ScanException>(() => ScanResultsReader.Read(new StringReader(ReportJson.Render(News))).ToList());
        Assert.Contains("JSON Lines", indented.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_read_one_at_a_time()
    {
        using var reader = new FailingAfter(RecordLine(1, News) + "\n", lines: 1);
        var first = ScanResultsReader.Read(reader).First();
        Assert.Equal(News.Domain, first.Domain);
    }

    [Fact]
    public void Two_demo_world_reports_give_the_numbers_their_reports_hold()
    {
        var (summary, skipped) = Summarize(RecordLine(1, News) + "\n" + RecordLine(2, Shop) + "\n" + RecordLine(3, News) + "\n");
        var r = summary.Report;

        Assert.Empty(skipped);
        Assert.Equal((2, 1, 2), (r.Sites, r.Duplicates, r.Complete));
        // Both sites: one DNS provider, one CDN, one CA, none redundant; every layer observed.
        var kashaf = r.Headlines.Single(h => h.Id == ConcentrationBuilder.DnsCdnCaHeadline);
        Assert.Equal((2, 0, 0), (kashaf.Dependent, kashaf.NotDependent, kashaf.Undetermined));
        // Registration: Verisign on both (the .com registry), GoDaddy and Namecheap once: (4 + 1 + 1) / 16.
        var registration = r.Layers.Single(l => l.Layer == Layer.Registration);
        Assert.Equal(2, registration.Uses["verisign"]);
        Assert.Equal(6.0 / 16, registration.Hhi, 12);
        Assert.Equal(1.0, registration.Top3Share, 12);
        // TLS: GlobalSign rolled up to its owner GMO Internet.
        var tls = r.Layers.Single(l => l.Layer == Layer.Tls);
        Assert.Equal(["gmo-internet", "isrg"], tls.Uses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.5, tls.Hhi, 12);
        var verisign = r.Companies.Single(c => c.Id == "verisign");
        Assert.Equal((2, 2, 2, 0), (verisign.Uses, verisign.Breaks, verisign.BreaksInherent, verisign.BreaksIndirectOnly));
        Assert.Equal("VeriSign, Inc.", verisign.Name);
        // The news site's money: ads redundant across exchanges, Amazon's affiliate programme alone.
        var money = r.Layers.Single(l => l.Layer == Layer.Money);
        Assert.Equal((2, 2), (money.UsingThirdParty, money.Critical));
        Assert.Equal(["amazon", "shopify"], money.CriticalOn.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, money.Uses["shopify"] + money.Uses["amazon"]);
        var resolves = r.Functions.Single(f => f.Id == "name-resolves");
        Assert.Equal((2, 2), (resolves.Observed, resolves.Critical));
        Assert.Equal(2, resolves.CriticalOn["verisign"]);
        var cloudflare = r.Companies.Single(c => c.Id == "cloudflare");
        Assert.Equal(4, cloudflare.History.Count - 1);
        Assert.Equal(r.Companies.OrderByDescending(c => c.Breaks).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id), r.Companies.Select(c => c.Id));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_skipped_without_being_held_and_the_next_is_read()
    {
        var good = RecordLine(2, Shop);
        var lines = ScanResultsReader.Read(new StringReader(new string('x', good.Length + 1) + "\r\n" + good + "\r" + good), maximumLineLength: good.Length).ToList();

        Assert.Equal([1, 2, 3], lines.Select(l => l.Line));
        Assert.Equal($"longer than {good.Length} characters", lines[0].Problem);
        Assert.Equal(Shop.Domain, lines[1].Domain);
        Assert.Equal(Shop.Domain, lines[2].Domain);
    }

    /// <summary>Gives its text's lines, then fails: a reader that read ahead would fail.</summary>
    private sealed class FailingAfter(string text, int lines) : TextReader
    {
        private readonly StringReader _inner = new(text);
        private int _newlines;

        public override int Read()
        {
            if (_newlines >= lines)
            {
                throw new IOException("read past the lines asked for");
            }

            var c = _inner.Read();
            _newlines += c == '\n' ? 1 : 0;
            return c;
        }

        public override string? ReadLine() => throw new IOException("the reader is read a character at a time");
    }
}
