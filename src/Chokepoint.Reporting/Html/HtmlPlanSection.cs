using System.Globalization;
using System.Text;
using Chokepoint.Model;
using Chokepoint.Planning.Plans;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// The plan in the HTML view: "what to do first" (the three best-ranked steps, right after the summary) and the
/// whole plan, each artifact (zone file, CAA set, MX set, notes) in its own <c>&lt;pre&gt;</c> ready to copy.
/// </summary>
internal static class HtmlPlanSection
{
    /// <summary>How many steps "what to do first" shows.</summary>
    public const int FirstSteps = 3;

    /// <summary>Appends "what to do first": the top steps, each linking to its place in the plan.</summary>
    public static void AppendFirstSteps(StringBuilder page, Plan plan, IReadOnlyDictionary<string, string> functions, string idPrefix, string h2)
    {
        page.Append("<section id=\"").Append(idPrefix).Append("first-steps\" class=\"first-steps\">\n<").Append(h2).Append(">What to do first</").Append(h2).Append(">\n");
        if (plan.Steps.Count == 0)
        {
            page.Append("<p class=\"empty\">No step: no single point of failure was found that a step could remove.</p>\n</section>\n");
            return;
        }

        page.Append("<ol class=\"first-steps\">\n");
        foreach (var step in plan.Steps.Take(FirstSteps))
        {
            page.Append("<li><a href=\"#").Append(StepId(idPrefix, step)).Append("\"><strong>").Append(HtmlText.Encode(step.Title)).Append("</strong></a><br />")
                .Append("<span class=\"muted\">").Append(HtmlText.Encode(Facts(step, functions))).Append("</span></li>\n");
        }

        page.Append("</ol>\n");
        if (plan.Steps.Count > FirstSteps)
        {
            page.Append("<p class=\"muted\">").Append(HtmlText.Encode($"{plan.Steps.Count - FirstSteps} more in the plan below.")).Append("</p>\n");
        }

        page.Append("</section>\n");
    }

    /// <summary>Appends the plan: the ranking rule, then every step with why, time to recover today and its artifacts.</summary>
    public static void AppendPlan(StringBuilder page, Plan plan, IReadOnlyDictionary<string, string> functions, string idPrefix, string h2, string h3)
    {
        HtmlRenderer.Section(page, idPrefix + "plan", h2, "Plan");
        page.Append("<p class=\"muted\">").Append(HtmlText.Encode(plan.RankingRule)).Append("</p>\n");
        if (plan.Steps.Count == 0)
        {
            page.Append("<p class=\"empty\">No single point of failure was found that a step could remove.</p>\n");
        }

        foreach (var step in plan.Steps)
        {
            page.Append("<div class=\"step\" id=\"").Append(StepId(idPrefix, step)).Append("\">\n<").Append(h3).Append('>')
                .Append(HtmlText.Encode($"{step.Rank.ToString(CultureInfo.InvariantCulture)}. {step.Title}")).Append("</").Append(h3).Append(">\n");
            page.Append("<p class=\"muted\">").Append(HtmlText.Encode(Facts(step, functions))).Append("</p>\n");
            page.Append("<p>").Append(HtmlText.Linkify(step.Text)).Append("</p>\n");
            page.Append("<ul class=\"why\">\n<li>Why this effort: ").Append(HtmlText.Encode(step.EffortReason)).Append("</li>\n")
                .Append("<li>Why this rank: ").Append(HtmlText.Encode(step.RankReason)).Append("</li>\n");
            if (step.RecoveryToday is { } recovery)
            {
                page.Append("<li>Time to recover today: ").Append(HtmlText.Encode(recovery.Range)).Append("</li>\n");
            }

            page.Append("</ul>\n");
            for (var index = 0; index < step.Artifacts.Count; index++)
            {
                AppendArtifact(page, step.Artifacts[index], $"{StepId(idPrefix, step)}-artifact-{(index + 1).ToString(CultureInfo.InvariantCulture)}");
            }

            page.Append("</div>\n");
        }

        page.Append("</section>\n");
    }

    /// <summary>True when the plan has an artifact to copy (the page then carries the copy script).</summary>
    public static bool HasArtifacts(Plan? plan) => plan is not null && plan.Steps.Any(step => step.Artifacts.Count > 0);

    private static void AppendArtifact(StringBuilder page, PlanArtifact artifact, string id)
    {
        page.Append("<div class=\"artifact\" data-kind=\"").Append(HtmlText.Encode(artifact.Kind.ToString())).Append("\">\n<p class=\"artifact-title\"><strong>")
            .Append(HtmlText.Encode(artifact.Title)).Append("</strong></p>\n");
        // Selectable without script (one click selects it all); the page's one script adds a copy button beside it.
        page.Append("<pre class=\"artifact\" id=\"").Append(id).Append("\" tabindex=\"0\"><code>").Append(HtmlText.Encode(artifact.Content.TrimEnd())).Append("</code></pre>\n");
        var sourced = artifact.Candidates.Where(candidate => candidate.Source is not null).ToList();
        if (sourced.Count > 0)
        {
            page.Append("<p class=\"sources\">Sources: ");
            for (var index = 0; index < sourced.Count; index++)
            {
                page.Append(index == 0 ? "" : " · ").Append(HtmlText.Encode(sourced[index].Name)).Append(' ').Append(HtmlText.Link(sourced[index].Source!));
            }

            page.Append("</p>\n");
        }

        page.Append("</div>\n");
    }

    private static string StepId(string idPrefix, PlanStep step) => idPrefix + "step-" + step.Rank.ToString(CultureInfo.InvariantCulture);

    private static string Facts(PlanStep step, IReadOnlyDictionary<string, string> functions)
    {
        var protects = string.Join(", ", step.FunctionIds.Select(id => functions.TryGetValue(id, out var name) ? name : id));
        var kind = step.Kind == StepKind.Removes ? "removes the single point" : "mitigates it";
        return $"{step.CompanyName} · {step.Service} · {ReportLabelsLayer(step.Layer)} · effort {step.Effort.ToString().ToLowerInvariant()} · {kind} · protects {protects}";
    }

    private static string ReportLabelsLayer(Layer layer) => Markdown.ReportLabels.LayerTitle(layer);
}
