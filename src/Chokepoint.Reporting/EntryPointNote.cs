using System.Text;
using Chokepoint.Model;
using Chokepoint.Reporting.Html;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting;

/// <summary>
/// The note every view of a report prints when the audit was given a host or URL rather than the registrable domain:
/// which domain the name layers describe, and which host the web layers were collected from.
/// </summary>
public static class EntryPointNote
{
    /// <summary>"audited example.com (registrable domain of www.example.com; www.example.com is the web entry point)", or null.</summary>
    public static string? Text(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.EntryPoint is { Length: > 0 } entry
            ? $"audited {report.Domain} (registrable domain of {entry}; {entry} is the web entry point)"
            : null;
    }

    /// <summary>The note as a line of the terminal view.</summary>
    internal static void AppendTable(StringBuilder text, AuditReport report)
    {
        if (Text(report) is { } note)
        {
            text.Append("Note: ").AppendLine(note);
        }
    }

    /// <summary>The note as a paragraph of the Markdown view.</summary>
    internal static void AppendMarkdown(StringBuilder text, AuditReport report)
    {
        if (Text(report) is { } note)
        {
            text.Append("Note: ").AppendLine(MarkdownText.Inline(note)).AppendLine();
        }
    }

    /// <summary>The note as a paragraph of the HTML view.</summary>
    internal static void AppendHtml(StringBuilder page, AuditReport report)
    {
        if (Text(report) is { } note)
        {
            page.Append("<p class=\"meta entry-point\">Note: ").Append(HtmlText.Encode(note)).Append("</p>\n");
        }
    }
}
