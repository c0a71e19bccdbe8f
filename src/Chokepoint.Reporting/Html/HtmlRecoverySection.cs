using System.Globalization;
using System.Text;
using Chokepoint.Model;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.Html;

/// <summary>The "recovery and history" part of the HTML view: per chokepoint, its steps, assumptions and history.</summary>
internal static class HtmlRecoverySection
{
    /// <summary>Appends the section (nothing when the report has no chokepoint).</summary>
    public static void Append(StringBuilder page, AuditReport report, string idPrefix, string h2, string h3)
    {
        if (report.Chokepoints.Count == 0)
        {
            return;
        }

        HtmlRenderer.Section(page, idPrefix + "recovery", h2, "Recovery and history");
        for (var index = 0; index < report.Chokepoints.Count; index++)
        {
            var chokepoint = report.Chokepoints[index];
            page.Append('<').Append(h3).Append(" id=\"").Append(idPrefix).Append("chokepoint-").Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(HtmlText.Encode(chokepoint.Entity.Name)).Append(' ').Append(HtmlRenderer.Severity(chokepoint.Severity)).Append("</").Append(h3).Append(">\n");
            if (chokepoint.Services.Count > 0)
            {
                page.Append("<p>Services: ").Append(HtmlText.Encode(string.Join(", ", chokepoint.Services))).Append("</p>\n");
            }

            foreach (var indirect in chokepoint.Indirect)
            {
                page.Append("<p class=\"indirect\">Indirect: ").Append(HtmlText.Encode(indirect)).Append("</p>\n");
            }

            if (chokepoint.TimeToRecover is { } recovery)
            {
                // Open, so the steps are on paper too: a closed <details> prints only its summary.
                page.Append("<details open=\"open\">\n<summary>Time to recover: ").Append(HtmlText.Encode(ReportLabels.TimeToRecover(chokepoint))).Append("</summary>\n");
                if (recovery.Steps.Count > 0)
                {
                    page.Append("<p><strong>Steps</strong></p>\n<ol class=\"steps\">\n");
                    foreach (var step in recovery.Steps)
                    {
                        page.Append("<li>").Append(HtmlText.Linkify(step)).Append("</li>\n");
                    }

                    page.Append("</ol>\n");
                }

                if (recovery.Assumptions.Count > 0)
                {
                    page.Append("<p><strong>Assumptions</strong></p>\n<ul class=\"assumptions\">\n");
                    foreach (var assumption in recovery.Assumptions)
                    {
                        page.Append("<li>").Append(HtmlText.Encode(assumption)).Append("</li>\n");
                    }

                    page.Append("</ul>\n");
                }

                page.Append("</details>\n");
            }
            else
            {
                page.Append("<p class=\"empty\">Time to recover: not estimated.</p>\n");
            }

            var history = ReportLabels.History(chokepoint);
            if (history.Count == 0)
            {
                page.Append("<p class=\"history empty\">History: no recorded case of this company ending service to customers.</p>\n");
                continue;
            }

            page.Append("<p class=\"history\"><strong>History</strong></p>\n<ul class=\"history\">\n");
            foreach (var (line, cases) in history)
            {
                page.Append("<li>").Append(HtmlText.Linkify(line));
                if (cases.Count > 0)
                {
                    page.Append("\n<ul>\n");
                    foreach (var item in cases)
                    {
                        page.Append("<li>").Append(HtmlText.Linkify(item)).Append("</li>\n");
                    }

                    page.Append("</ul>\n");
                }

                page.Append("</li>\n");
            }

            page.Append("</ul>\n");
        }

        page.Append("</section>\n");
    }
}
