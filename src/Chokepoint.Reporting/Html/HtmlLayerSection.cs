using System.Text;
using Chokepoint.Model;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.Html;

/// <summary>The "dependencies by layer" part of the HTML view: one table per layer and what was not observed.</summary>
internal static class HtmlLayerSection
{
    /// <summary>Appends the section.</summary>
    public static void Append(StringBuilder page, AuditReport report, string idPrefix, string h2, string h3)
    {
        HtmlRenderer.Section(page, idPrefix + "layers", h2, "Dependencies by layer");
        foreach (var layer in report.Layers)
        {
            page.Append('<').Append(h3).Append('>').Append(HtmlText.Encode(ReportLabels.LayerTitle(layer.Layer)))
                .Append(layer.Coverage == Coverage.Observed ? string.Empty : " (" + HtmlText.Encode(ReportLabels.Coverage(layer.Coverage)) + ")")
                .Append("</").Append(h3).Append(">\n");
            foreach (var absent in layer.Absent)
            {
                page.Append("<p class=\"absent\">Observed: ").Append(HtmlText.Encode(absent.Text)).Append("</p>\n");
            }

            foreach (var note in layer.Notes)
            {
                page.Append("<p class=\"note\">Note: ").Append(HtmlText.Encode(note)).Append("</p>\n");
            }

            if (layer.Dependencies.Count == 0 && layer.Unobserved.Count == 0)
            {
                page.Append(layer.Absent.Count == 0 ? "<p class=\"empty\">No dependency found.</p>\n" : "<p class=\"empty\">No dependency: the names asked do not exist.</p>\n");
                continue;
            }

            if (layer.Dependencies.Count > 0)
            {
                page.Append("<table class=\"layer\" data-layer=\"").Append(HtmlText.Encode(layer.Layer.ToWord())).Append("\">\n");
                page.Append("<thead><tr><th>Company</th><th>Service / provider</th><th>Third party?</th><th>Redundant / single</th><th>Evidence</th></tr></thead>\n<tbody>\n");
                foreach (var dependency in layer.Dependencies)
                {
                    AppendRow(page, dependency, upstream: false);
                    foreach (var upstream in dependency.DependsOn)
                    {
                        AppendRow(page, upstream, upstream: true);
                    }
                }

                page.Append("</tbody>\n</table>\n");
            }

            if (layer.Unobserved.Count > 0)
            {
                page.Append("<p><strong>Not observed:</strong></p>\n<ul class=\"unobserved\">\n");
                foreach (var missing in layer.Unobserved)
                {
                    page.Append("<li><strong>").Append(HtmlText.Encode(missing.What)).Append("</strong>: ").Append(HtmlText.Encode(missing.Reason)).Append("</li>\n");
                }

                page.Append("</ul>\n");
            }
        }

        page.Append("</section>\n");
    }

    /// <summary>One row: a dependency of the site, or (<paramref name="upstream"/>) what its provider relies on, one level down.</summary>
    private static void AppendRow(StringBuilder page, Dependency dependency, bool upstream)
    {
        var state = upstream && dependency.Classification == Classification.Private ? "own" : dependency.Redundant ? "redundant" : "single";
        page.Append("<tr class=\"").Append(upstream ? "upstream " : "").Append(state).Append("\"><td>")
            .Append(HtmlText.Encode(upstream ? ReportLabels.UpstreamCompany(dependency) : ReportLabels.Company(dependency))).Append("</td><td>")
            .Append(HtmlText.Encode(upstream ? ReportLabels.UpstreamServiceAndProvider(dependency) : ReportLabels.ServiceAndProvider(dependency))).Append("</td><td>")
            .Append(HtmlText.Encode(upstream ? ReportLabels.UpstreamThirdParty(dependency) : ReportLabels.ThirdParty(dependency))).Append("</td><td class=\"redundancy\">")
            .Append(HtmlText.Encode(upstream ? ReportLabels.UpstreamRedundancy(dependency) : ReportLabels.Redundancy(dependency))).Append("</td><td class=\"evidence\">");
        AppendEvidence(page, dependency);
        if (FactLabels.Lines(dependency) is { Count: > 0 } facts)
        {
            page.Append("<ul class=\"facts\">").Append(string.Concat(facts.Select(fact => "<li>" + HtmlText.Encode(fact) + "</li>"))).Append("</ul>");
        }

        page.Append("</td></tr>\n");
    }

    /// <summary>Evidence: signal, value, and the rule and its public source (a link when it is an http or https URL).</summary>
    private static void AppendEvidence(StringBuilder page, Dependency dependency)
    {
        if (dependency.Evidence.Count == 0)
        {
            page.Append("<span class=\"empty\">none recorded</span>");
            return;
        }

        page.Append("<ul class=\"evidence\">");
        foreach (var evidence in dependency.Evidence.Distinct())
        {
            page.Append("<li><span class=\"signal\">").Append(HtmlText.Encode(evidence.Signal)).Append("</span> <span class=\"value\">")
                .Append(HtmlText.Encode(evidence.Value)).Append("</span>");
            if (evidence.Rule is not null || evidence.Source is not null)
            {
                page.Append("<span class=\"source\">");
                if (evidence.Rule is not null)
                {
                    page.Append("rule ").Append(HtmlText.Encode(evidence.Rule));
                }

                if (evidence.Source is not null)
                {
                    page.Append(evidence.Rule is null ? "source " : " · source ").Append(HtmlText.Link(evidence.Source));
                }

                page.Append("</span>");
            }

            page.Append("</li>");
        }

        page.Append("</ul>");
    }
}
