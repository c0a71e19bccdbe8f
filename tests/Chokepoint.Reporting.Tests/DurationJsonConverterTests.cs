using System.Text.Json;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Tests.Html;

namespace Chokepoint.Reporting.Tests;

/// <summary>Durations in report JSON: ISO 8601 written, the form of report version 1.0 and seconds still read.</summary>
public sealed class DurationJsonConverterTests
{
    public static TheoryData<double, string> Written => new()
    {
        { 56.5 * 60, "P2DT8H30M" },
        { 0, "PT0S" },
        { 65, "PT1H5M" },
        { 14 * 24 * 60, "P14D" },
        { 1.5 / 60, "PT1.5S" },
    };

    [Theory]
    [MemberData(nameof(Written))]
    public void A_duration_is_written_as_iso_8601_and_reads_back(double minutes, string expected)
    {
        var value = TimeSpan.FromMinutes(minutes);

        var json = JsonSerializer.Serialize(value, ReportJson.Options);

        Assert.Equal($"\"{expected}\"", json);
        Assert.Equal(value, JsonSerializer.Deserialize<TimeSpan>(json, ReportJson.Options));
    }

    [Theory]
    [InlineData("\"2.08:30:00\"", 56.5 * 60)]
    [InlineData("\"01:05:00\"", 65)]
    [InlineData("\"00:00:00\"", 0)]
    [InlineData("3600", 60)]
    [InlineData("90.5", 1.5 + (0.5 / 60))]
    public void The_form_of_earlier_reports_and_seconds_still_read(string json, double minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), JsonSerializer.Deserialize<TimeSpan>(json, ReportJson.Options));
    }

    [Theory]
    [InlineData("\"two days\"")]
    [InlineData("\"P\"")]
    [InlineData("\"P1Y2X\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("1e300")]
    public void Anything_else_is_refused_with_a_json_error(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeSpan>(json, ReportJson.Options));
    }

    /// <summary>Regression: the report wrote .NET's "0.01:05:00", which a reader in another language cannot parse as a duration.</summary>
    [Fact]
    public void A_report_s_time_to_recover_is_iso_8601_and_a_report_of_version_1_0_still_reads()
    {
        var report = SampleReports.DemoLike();
        var json = ReportJson.Render(report);
        var recovery = report.Chokepoints.Select(c => c.TimeToRecover).OfType<TimeToRecoverReport>().First(t => t.High > TimeSpan.Zero);

        Assert.Contains($"\"high\": \"{System.Xml.XmlConvert.ToString(recovery.High)}\"", json, StringComparison.Ordinal);
        Assert.DoesNotMatch("\"(low|high)\": \"\\d", json);

        var legacy = json.Replace($"\"high\": \"{System.Xml.XmlConvert.ToString(recovery.High)}\"", $"\"high\": \"{recovery.High:c}\"", StringComparison.Ordinal);
        Assert.NotEqual(json, legacy);
        var read = JsonSerializer.Deserialize<AuditReport>(legacy, ReportJson.Options)!;
        Assert.Equal(recovery.High, read.Chokepoints.Select(c => c.TimeToRecover).OfType<TimeToRecoverReport>().First(t => t.High > TimeSpan.Zero).High);
    }

    [Fact]
    public void A_report_line_is_one_line_of_the_same_json()
    {
        var report = SampleReports.DemoLike() with { Domain = "line\nbreak.example" };

        var line = ReportJson.RenderLine(report);

        Assert.DoesNotContain('\n', line);
        Assert.Equal(ReportJson.Render(report), JsonSerializer.Serialize(JsonSerializer.Deserialize<AuditReport>(line, ReportJson.Options), ReportJson.Options));
    }
}
