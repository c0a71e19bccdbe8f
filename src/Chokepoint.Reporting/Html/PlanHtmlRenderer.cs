using System.Text;
using Chokepoint.Planning.Plans;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// The plan alone as one self-contained HTML page (<c>plan --format html</c>): what to do first, then every step
/// with its artifacts ready to copy. Same policy and styles as the report page (<see cref="HtmlRenderer"/>).
/// </summary>
public static class PlanHtmlRenderer
{
    /// <summary>Renders the plan as a complete HTML page.</summary>
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var script = HtmlPlanSection.HasArtifacts(plan);
        var functions = new Dictionary<string, string>(StringComparer.Ordinal);
        var page = new StringBuilder();
        HtmlRenderer.AppendHead(page, $"Chokepoint plan: {plan.Domain} (grade now {plan.GradeNow})", script);
        page.Append("<main>\n<article class=\"report plan-page\" id=\"plan-page\">\n<header class=\"summary\">\n<h1>Chokepoint plan: ").Append(HtmlText.Encode(plan.Domain)).Append("</h1>\n");
        page.Append("<p class=\"meta\">Grade now ").Append(HtmlText.Encode(plan.GradeNow.ToString())).Append(" · ")
            .Append(HtmlText.Encode(plan.Steps.Count == 1 ? "1 step" : $"{plan.Steps.Count} steps")).Append("</p>\n</header>\n");
        HtmlPlanSection.AppendFirstSteps(page, plan, functions, "", "h2");
        HtmlPlanSection.AppendPlan(page, plan, functions, "", "h2", "h3");
        page.Append("</article>\n</main>\n");
        HtmlRenderer.AppendEnd(page, script);
        return page.ToString();
    }
}
