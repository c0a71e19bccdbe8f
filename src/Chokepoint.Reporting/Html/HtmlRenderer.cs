using System.Globalization;
using System.Text;
using Chokepoint.Model;
using Chokepoint.Planning.Plans;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// The HTML view: one self-contained HTML5 file (inline CSS, nothing fetched; a Content-Security-Policy forbids
/// loading anything) with the state banners before any grade, the grade, "what to do first" (the top steps of the
/// plan, when one is given), an SVG picture of the dependency graph (<see cref="DependencyGraph"/>), each
/// function's path, the chokepoints, the functions, the plan with its artifacts, one table per layer with what
/// was not observed, and per chokepoint the recovery steps, assumptions and history. All report text is
/// HTML-encoded; http and https URLs are links (<c>rel="noopener noreferrer"</c>), any other URL is text. The only
/// script is the copy button of plan artifacts, allowed by its hash (<see cref="HtmlScript"/>), and only on a page
/// with artifacts. The markup is also well-formed XML, and prints on A4 (summary and graph on the first page).
/// </summary>
/// <seealso href="https://html.spec.whatwg.org/"/>
public static class HtmlRenderer
{
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>Renders one report as a complete HTML page; with its <paramref name="plan"/>, also what to do first and the plan.</summary>
    public static string Render(AuditReport report, Plan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new StringBuilder();
        AppendHead(page, $"Chokepoint audit: {report.Domain} (grade {ReportLabels.Grade(report)})", HtmlPlanSection.HasArtifacts(plan));
        page.Append("<main>\n");
        AppendReport(page, report, plan, idPrefix: "", headingLevel: 1);
        page.Append("</main>\n");
        AppendEnd(page, HtmlPlanSection.HasArtifacts(plan));
        return page.ToString();
    }

    /// <summary>
    /// Renders several reports in one page, with a table of contents linking to each; a plan in
    /// <paramref name="plans"/> goes with the report of its domain.
    /// </summary>
    public static string RenderMany(IEnumerable<AuditReport> reports, IEnumerable<Plan>? plans = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports.ToList();
        var byDomain = new Dictionary<string, Plan>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in plans ?? [])
        {
            byDomain.TryAdd(plan.Domain, plan);
        }

        var script = byDomain.Values.Any(HtmlPlanSection.HasArtifacts);
        var page = new StringBuilder();
        AppendHead(page, list.Count == 1 ? $"Chokepoint audit: {list[0].Domain}" : $"Chokepoint audit of {list.Count} sites", script);
        page.Append("<main>\n");
        page.Append("<h1>").Append(HtmlText.Encode(list.Count == 1 ? "Chokepoint audit of 1 site" : $"Chokepoint audit of {list.Count} sites")).Append("</h1>\n");
        page.Append("<nav class=\"toc\" aria-label=\"Contents\">\n<strong>Contents</strong>\n<ol>\n");
        for (var index = 0; index < list.Count; index++)
        {
            var report = list[index];
            var chokepoints = report.Chokepoints.Count;
            page.Append("<li><a href=\"#").Append(Prefix(index)).Append("report\">").Append(HtmlText.Encode(report.Domain)).Append("</a> · grade ")
                .Append(HtmlText.Encode(ReportLabels.Grade(report))).Append(" · ")
                .Append(HtmlText.Encode(chokepoints == 1 ? "1 chokepoint" : $"{chokepoints.ToString(CultureInfo.InvariantCulture)} chokepoints"))
                .Append(report.Status.Count > 0 ? " · " + HtmlText.Encode(string.Join(", ", report.Status.Select(state => state.Kind.ToWord().Replace('-', ' ')))) : "")
                .Append("</li>\n");
        }

        page.Append("</ol>\n</nav>\n");
        for (var index = 0; index < list.Count; index++)
        {
            AppendReport(page, list[index], byDomain.GetValueOrDefault(list[index].Domain), Prefix(index), headingLevel: 2);
        }

        page.Append("</main>\n");
        AppendEnd(page, script);
        return page.ToString();
    }

    private static string Prefix(int index) => "r" + (index + 1).ToString(CultureInfo.InvariantCulture) + "-";

    /// <summary>Opens the page: its policy (allowing the copy script by hash when <paramref name="script"/>), title and styles.</summary>
    internal static void AppendHead(StringBuilder page, string title, bool script)
    {
        var policy = script ? ContentSecurityPolicy.Replace("; base-uri", "; script-src " + HtmlScript.HashSource + "; base-uri", StringComparison.Ordinal) : ContentSecurityPolicy;
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        page.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlText.Encode(policy)).Append("\" />\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        page.Append("<meta name=\"generator\" content=\"chokepoint\" />\n");
        page.Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n");
        page.Append("<style>\n").Append(HtmlStyles.Css).Append("\n</style>\n</head>\n<body>\n");
    }

    /// <summary>Closes the page, with the copy script when <paramref name="script"/>.</summary>
    internal static void AppendEnd(StringBuilder page, bool script)
    {
        if (script)
        {
            page.Append("<script>").Append(HtmlScript.CopyButtons).Append("</script>\n");
        }

        page.Append("</body>\n</html>\n");
    }

    private static void AppendReport(StringBuilder page, AuditReport report, Plan? plan, string idPrefix, int headingLevel)
    {
        var h1 = "h" + headingLevel.ToString(CultureInfo.InvariantCulture);
        var h2 = "h" + (headingLevel + 1).ToString(CultureInfo.InvariantCulture);
        var h3 = "h" + (headingLevel + 2).ToString(CultureInfo.InvariantCulture);
        var companies = ReportLabels.CompanyNames(report);
        var functions = ReportLabels.FunctionNames(report);

        page.Append("<article class=\"report\" id=\"").Append(idPrefix).Append("report\">\n<header class=\"summary\">\n");
        page.Append('<').Append(h1).Append(">Chokepoint audit: ").Append(HtmlText.Encode(report.Domain)).Append("</").Append(h1).Append(">\n");
        page.Append("<p class=\"meta\">Network ").Append(HtmlText.Encode(report.Network)).Append(" · collected ")
            .Append(HtmlText.Encode(ReportLabels.CollectedAt(report))).Append(" · report version ").Append(HtmlText.Encode(report.ReportVersion)).Append("</p>\n");
        AppendBanners(page, report);
        EntryPointNote.AppendHtml(page, report);
        var grade = report.Grade ?? "";
        var gradeClass = grade.Length == 1 && grade[0] is >= 'A' and <= 'F' ? "grade-" + grade : "grade-none";
        page.Append("<div class=\"grade ").Append(gradeClass).Append("\"><span class=\"letter\" title=\"exposure grade\">")
            .Append(HtmlText.Encode(grade.Length == 0 ? "?" : grade)).Append("</span><p><strong>Exposure grade ")
            .Append(HtmlText.Encode(grade.Length == 0 ? ReportLabels.Grade(report) : grade)).Append(".</strong> ")
            .Append(HtmlText.Encode(ReportLabels.GradeExplanation(report) ?? "")).Append("</p></div>\n");
        AppendSectionLinks(page, report, plan, idPrefix);
        page.Append("</header>\n");

        if (plan is not null)
        {
            HtmlPlanSection.AppendFirstSteps(page, plan, functions, idPrefix, h2);
        }

        AppendGraph(page, report, idPrefix, h2);
        AppendChokepoints(page, report, functions, idPrefix, h2);
        HtmlPathSection.Append(page, report, idPrefix, h2);
        AppendFunctions(page, report, companies, idPrefix, h2);
        if (plan is not null)
        {
            HtmlPlanSection.AppendPlan(page, plan, functions, idPrefix, h2, h3);
        }

        HtmlLayerSection.Append(page, report, idPrefix, h2, h3);
        HtmlRecoverySection.Append(page, report, idPrefix, h2, h3);
        page.Append("</article>\n");
    }

    /// <summary>Why the grade is withheld, from the report's explanation ("not graded: the domain is on hold" gives "the domain is on hold").</summary>
    private static string WithheldBecause(AuditReport report)
    {
        const string Prefix = "not graded: ";
        var explanation = (report.GradeExplanation ?? "").Trim().TrimEnd('.');
        explanation = explanation.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? explanation[Prefix.Length..] : explanation;
        return explanation.Length == 0 ? "too little was observed to grade the site" : explanation;
    }

    /// <summary>"On this page": a link to every section the report has, in page order.</summary>
    private static void AppendSectionLinks(StringBuilder page, AuditReport report, Plan? plan, string idPrefix)
    {
        var sections = new List<(string Id, string Title)>();
        if (plan is not null)
        {
            sections.Add(("first-steps", "What to do first"));
        }

        sections.Add(("graph", "Dependency graph"));
        sections.Add(("chokepoints", "Chokepoints"));
        if (report.Functions.Count > 0)
        {
            sections.Add(("paths", "Function by function"));
            sections.Add(("functions", "Functions"));
        }

        if (plan is not null)
        {
            sections.Add(("plan", "Plan"));
        }

        sections.Add(("layers", "Dependencies by layer"));
        if (report.Chokepoints.Count > 0)
        {
            sections.Add(("recovery", "Recovery and history"));
        }

        page.Append("<nav class=\"sections\" aria-label=\"On this page\">");
        foreach (var (id, title) in sections)
        {
            page.Append("<a href=\"#").Append(idPrefix).Append(id).Append("\">").Append(HtmlText.Encode(title)).Append("</a> ");
        }

        page.Append("</nav>\n");
    }

    /// <summary>
    /// The banners, before any grade: every state of the site (on hold, does not exist, pending delete, resolver
    /// silent, budget cut...), then, when the grade is withheld, that it is and why (what was not observed).
    /// </summary>
    private static void AppendBanners(StringBuilder page, AuditReport report)
    {
        foreach (var state in report.Status)
        {
            page.Append("<div class=\"banner status status-").Append(HtmlText.Encode(state.Kind.ToWord())).Append("\" role=\"alert\" data-state=\"")
                .Append(HtmlText.Encode(state.Kind.ToWord())).Append("\"><strong>")
                .Append(HtmlText.Encode(state.Kind.ToWord().Replace('-', ' ').ToUpperInvariant())).Append(":</strong> ")
                .Append(HtmlText.Encode(state.Text));
            if (state.By is not null || state.Contact is not null)
            {
                page.Append("<br /><span class=\"banner-detail\">")
                    .Append(state.By is null ? "" : "Set by " + HtmlText.Encode(state.By))
                    .Append(state.By is not null && state.Contact is not null ? " · " : "")
                    .Append(state.Contact is null ? "" : "contact " + HtmlText.Linkify(state.Contact))
                    .Append("</span>");
            }

            page.Append("</div>\n");
        }

        if (report.Grade is not null)
        {
            return;
        }

        page.Append("<div class=\"banner withheld\" role=\"alert\" data-state=\"not-graded\"><strong>NOT GRADED:</strong> ")
            .Append(HtmlText.Encode(report.GradeBound is { } bound
                ? $"the grade is withheld because something that could lower it was not observed; what was seen grades {bound}, so the site grades {bound} or worse."
                : "the grade is withheld: " + WithheldBecause(report) + "."));
        var incomplete = ReportLabels.Incomplete(report).ToList();
        if (incomplete.Count > 0)
        {
            page.Append("\n<ul class=\"banner-detail\">\n");
            foreach (var function in incomplete)
            {
                page.Append("<li>").Append(HtmlText.Encode(function.Name)).Append(": ").Append(HtmlText.Encode(ReportLabels.Coverage(function.Coverage)))
                    .Append(function.Gaps.Count > 0 ? " (" + HtmlText.Encode(string.Join("; ", function.Gaps.Take(3))) + ")" : "").Append("</li>\n");
            }

            page.Append("</ul>\n");
        }

        page.Append("</div>\n");
    }

    private static void AppendChokepoints(StringBuilder page, AuditReport report, Dictionary<string, string> functions, string idPrefix, string h2)
    {
        Section(page, idPrefix + "chokepoints", h2, "Chokepoints");
        if (report.Chokepoints.Count == 0)
        {
            page.Append("<p class=\"empty\">No single company can alone break a function of this site.</p>\n</section>\n");
            return;
        }

        page.Append("<p>Companies that can alone break one or more of the site's functions.</p>\n");
        page.Append("<table class=\"chokepoints\">\n<thead><tr><th>Company</th><th>Functions it alone can break</th><th>Severity</th><th>Time to recover</th></tr></thead>\n<tbody>\n");
        foreach (var chokepoint in report.Chokepoints)
        {
            page.Append("<tr><td>").Append(HtmlText.Encode(chokepoint.Entity.Name)).Append("</td><td>")
                .Append(HtmlText.Encode(string.Join(", ", chokepoint.Functions.Select(id => ReportLabels.NameOf(functions, id))))).Append("</td><td class=\"nowrap\">")
                .Append(Severity(chokepoint.Severity))
                .Append(ReportLabels.Inherent(chokepoint) is { } inherent ? "<br /><span class=\"inherent\">" + HtmlText.Encode(inherent) + "</span>" : string.Empty)
                .Append("</td><td>")
                .Append(HtmlText.Encode(ReportLabels.TimeToRecover(chokepoint))).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendGraph(StringBuilder page, AuditReport report, string idPrefix, string h2)
    {
        Section(page, idPrefix + "graph", h2, "Dependency graph");
        var graph = DependencyGraph.Build(report);
        page.Append("<figure>\n").Append(DependencyGraphSvg.Render(graph, $"Dependency graph of {report.Domain}: functions, the services they need and the companies that own them", report.Functions.Count > 0 ? idPrefix : null)).Append('\n');
        page.Append("<figcaption>Each function is joined to every service it needs; each service to the company that owns it. ")
            .Append("A red border marks a company that alone can break a function (a single point of failure); red lines lead to one. ")
            .Append(report.Functions.Count > 0 ? "Select a function to follow its path alone (<a href=\"#" + idPrefix + "paths\">function by function</a>).</figcaption>\n" : "</figcaption>\n");
        page.Append("</figure>\n</section>\n");
    }

    private static void AppendFunctions(StringBuilder page, AuditReport report, Dictionary<string, string> companies, string idPrefix, string h2)
    {
        if (report.Functions.Count == 0)
        {
            return;
        }

        Section(page, idPrefix + "functions", h2, "Functions");
        page.Append("<table class=\"functions\">\n<thead><tr><th>Function</th><th>Importance</th><th>Coverage</th><th>Single points of failure</th><th>Pairs that together break it</th></tr></thead>\n<tbody>\n");
        foreach (var function in report.Functions)
        {
            var singles = function.SinglePoints.Select(id => ReportLabels.NameOf(companies, id)).ToList();
            var pairs = function.Pairs.Select(pair => string.Join(" + ", pair.Select(id => ReportLabels.NameOf(companies, id)))).ToList();
            page.Append("<tr><td>").Append(HtmlText.Encode(function.Name)).Append("</td><td>").Append(HtmlText.Encode(function.Importance.ToWord())).Append("</td><td class=\"coverage\">")
                .Append(HtmlText.Encode(ReportLabels.Coverage(function.Coverage)))
                .Append(string.Concat(function.Gaps.Take(3).Select(gap => "<br />" + HtmlText.Encode(gap)))).Append("</td><td>")
                .Append(function.Coverage == Coverage.NotObserved ? "not graded" : singles.Count == 0 ? "none" : string.Join("<br />", singles.Select(HtmlText.Encode))).Append("</td><td>")
                .Append(pairs.Count == 0 ? "none" : string.Join("<br />", pairs.Select(HtmlText.Encode))).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>Opens a section with its heading.</summary>
    internal static void Section(StringBuilder page, string id, string heading, string title) =>
        page.Append("<section id=\"").Append(id).Append("\">\n<").Append(heading).Append('>').Append(HtmlText.Encode(title)).Append("</").Append(heading).Append(">\n");

    /// <summary>A severity badge.</summary>
    internal static string Severity(Severity severity) =>
        $"<span class=\"severity severity-{severity.ToWord()}\">{HtmlText.Encode(severity.ToWord())}</span>";
}
