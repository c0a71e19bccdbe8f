using System.Text.Json;
using Chokepoint.Model;
using Chokepoint.Reporting.Html;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Markdown;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Reporting.Tests;

/// <summary>A report audited from a host or URL says, in every view, which domain it describes and where the web was entered.</summary>
public sealed class EntryPointNoteTests
{
    private const string Note = "audited example.com (registrable domain of www.example.com; www.example.com is the web entry point)";

    private static AuditReport Report(string? entryPoint) => new()
    {
        Domain = "example.com",
        CollectedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        Network = "demo",
        Layers = [new LayerReport { Layer = Layer.Dns }],
        Grade = "A",
        GradeExplanation = "no company alone breaks a function",
        EntryPoint = entryPoint,
    };

    [Fact]
    public void Every_view_notes_the_registrable_domain_and_the_web_entry_point()
    {
        var report = Report("www.example.com");

        Assert.Contains("Note: " + Note, WrappedText.Flat(TableRenderer.Render(report)), StringComparison.Ordinal);
        Assert.Contains("Note: " + Note, MarkdownRenderer.Render(report), StringComparison.Ordinal);
        Assert.Contains("Note: " + Note, HtmlRenderer.Render(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ReportJson.Render(report));
        Assert.Equal("www.example.com", json.RootElement.GetProperty("entryPoint").GetString());
    }

    [Fact]
    public void A_report_of_the_domain_itself_has_no_note_and_no_field()
    {
        var report = Report(null);

        Assert.DoesNotContain("web entry point", TableRenderer.Render(report), StringComparison.Ordinal);
        Assert.DoesNotContain("web entry point", MarkdownRenderer.Render(report), StringComparison.Ordinal);
        Assert.DoesNotContain("web entry point", HtmlRenderer.Render(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ReportJson.Render(report));
        Assert.False(json.RootElement.TryGetProperty("entryPoint", out _));
    }
}
