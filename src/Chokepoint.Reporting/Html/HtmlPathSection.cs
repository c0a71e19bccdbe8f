using System.Text;
using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// "Function by function": one row per function with what it needs, drawn from the same AND/OR model the analysis
/// uses (<see cref="SiteModelBuilder"/>). Needs sit side by side ("needs all of"); redundant suppliers are grouped in
/// one "any of" box, so one function's path can be read on its own however dense the site. HTML boxes, so names
/// wrap instead of being cut. Each row has an id (<c>path-FUNCTION</c>) and is highlighted when it is the target.
/// </summary>
internal static class HtmlPathSection
{
    /// <summary>Appends the section (nothing when the report has no function).</summary>
    public static void Append(StringBuilder page, AuditReport report, string idPrefix, string h2)
    {
        if (report.Functions.Count == 0)
        {
            return;
        }

        var model = SiteModelBuilder.Build(report).Functions
            .GroupBy(function => function.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        HtmlRenderer.Section(page, idPrefix + "paths", h2, "Function by function");
        page.Append("<p>What each function needs. Boxes side by side are all needed; an <em>any of</em> box holds alternatives, of which one is enough. ")
            .Append("A red box is a company that alone can break the function.</p>\n");
        page.Append("<nav class=\"path-index\" aria-label=\"Functions\">");
        foreach (var function in report.Functions.DistinctBy(function => function.Id, StringComparer.Ordinal))
        {
            page.Append("<a href=\"#").Append(idPrefix).Append("path-").Append(HtmlText.Encode(function.Id)).Append("\">").Append(HtmlText.Encode(function.Name)).Append("</a> ");
        }

        page.Append("</nav>\n<ol class=\"paths\">\n");
        foreach (var function in report.Functions.DistinctBy(function => function.Id, StringComparer.Ordinal))
        {
            var singles = function.SinglePoints.ToHashSet(StringComparer.Ordinal);
            page.Append("<li class=\"path\" id=\"").Append(idPrefix).Append("path-").Append(HtmlText.Encode(function.Id)).Append("\" data-function=\"")
                .Append(HtmlText.Encode(function.Id)).Append("\">\n<div class=\"path-function\"><strong>").Append(HtmlText.Encode(function.Name))
                .Append("</strong> <span class=\"muted\">").Append(HtmlText.Encode(function.Importance.ToWord())).Append("</span></div>\n<div class=\"needs\">");
            if (function.Coverage == Coverage.NotObserved)
            {
                page.Append("<span class=\"empty\">not observed: ").Append(HtmlText.Encode(string.Join("; ", function.Gaps.DefaultIfEmpty("nothing was seen")))).Append("</span>");
            }
            else if (model.TryGetValue(function.Id, out var modelled))
            {
                AppendNeed(page, modelled.Requirement, singles, inAlternatives: false);
            }
            else
            {
                page.Append("<span class=\"empty\">not modelled</span>");
            }

            page.Append("</div>\n</li>\n");
        }

        page.Append("</ol>\n</section>\n");
    }

    private static void AppendNeed(StringBuilder page, Requirement requirement, HashSet<string> singles, bool inAlternatives)
    {
        switch (requirement)
        {
            case AllRequirement all when all.Children.Count == 0:
                page.Append("<span class=\"empty\">nothing outside the site</span>");
                break;
            case AllRequirement all:
                if (inAlternatives)
                {
                    page.Append("<span class=\"all\">");
                }

                for (var index = 0; index < all.Children.Count; index++)
                {
                    AppendNeed(page, all.Children[index], singles, inAlternatives);
                }

                if (inAlternatives)
                {
                    page.Append("</span>");
                }

                break;
            case AnyRequirement any:
                page.Append("<span class=\"any\" role=\"group\" aria-label=\"any of\"><span class=\"any-label\">any of</span>");
                for (var index = 0; index < any.Children.Count; index++)
                {
                    if (index > 0)
                    {
                        page.Append("<span class=\"or\">or</span>");
                    }

                    AppendNeed(page, any.Children[index], singles, inAlternatives: true);
                }

                page.Append("</span>");
                break;
            case OptionalRequirement optional:
                page.Append("<span class=\"optional\"><span class=\"any-label\">optional</span>");
                AppendNeed(page, optional.Child, singles, inAlternatives: true);
                page.Append("</span>");
                break;
            case SupplierRequirement { Supplier: var supplier }:
                var single = !inAlternatives && singles.Contains(supplier.CompanyId);
                page.Append("<span class=\"need").Append(single ? " spof" : "").Append("\" data-company=\"").Append(HtmlText.Encode(supplier.CompanyId)).Append("\">")
                    .Append("<span class=\"need-service\">").Append(HtmlText.Encode(supplier.Service)).Append("</span> <strong>")
                    .Append(HtmlText.Encode(supplier.CompanyName)).Append("</strong>");
                if (supplier.Detail.Length > 0 && !supplier.CompanyName.StartsWith(supplier.Detail, StringComparison.OrdinalIgnoreCase))
                {
                    page.Append(" <span class=\"need-detail\">").Append(HtmlText.Encode(supplier.Detail)).Append("</span>");
                }

                if (supplier.Via is { } via)
                {
                    page.Append(" <span class=\"need-detail\">behind ").Append(HtmlText.Encode(via.CompanyName + " " + via.Service)).Append("</span>");
                }

                page.Append("</span>");
                break;
        }
    }
}
