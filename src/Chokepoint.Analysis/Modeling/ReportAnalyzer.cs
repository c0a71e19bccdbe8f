using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.History;
using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Modeling;

/// <summary>
/// Completes an attributed report with its analysis: the functions and who can break each, the chokepoints with
/// time to recover and termination history, and the exposure grade.
/// </summary>
public sealed class ReportAnalyzer(TerminationHistory history)
{
    /// <summary>An analyzer with the built-in termination history.</summary>
    public static ReportAnalyzer Default { get; } = new(TerminationHistory.LoadEmbedded());

    /// <summary>
    /// The report with <c>status</c>, coverage, <c>functions</c>, <c>chokepoints</c> and <c>grade</c> filled in. The
    /// grade is withheld when the site is offline by its registration or nothing answered, and when a function that
    /// could lower it was not fully observed (then <c>gradeBound</c> gives the grade of what was seen).
    /// </summary>
    public AuditReport Complete(AuditReport report)
    {
        var states = SiteStates.Read(report);
        var layers = report.Layers.Select(layer => layer with { Coverage = FunctionCoverage.OfLayer(layer) }).ToList();
        report = report with { Status = states, Layers = layers };
        var model = SiteModelBuilder.Build(report);
        var covered = FunctionCoverage.Of(report, [.. model.Functions.Select(f => (f.Id, f.Name, f.Importance))]);
        var unmodelled = covered.Where(c => !c.Modelled).Select(c => new FunctionReport
        {
            Id = c.Id,
            Name = c.Name,
            Importance = c.Importance,
            Coverage = c.Coverage,
            Gaps = GapLines(c),
        }).ToList();
        var blocking = states.FirstOrDefault(state => SiteStates.Withholds(state.Kind));
        if (model.Functions.Count == 0)
        {
            return report with
            {
                Functions = unmodelled,
                Grade = null,
                Complete = false,
                GradeExplanation = blocking is not null ? "not graded: " + SiteStates.WithheldBecause(blocking)
                    : Incomplete(covered, layers) is { Length: > 0 } why ? "not graded: " + why
                    : "not graded: too little was observed to model the site's functions",
            };
        }

        var analysis = ChokepointAnalysis.Analyze(model);
        var facts = RecoveryFactsReader.Read(report);
        var names = model.Companies();
        var coverageById = covered.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var functions = analysis.Functions.Select(function => new FunctionReport
        {
            Id = function.FunctionId,
            Name = function.FunctionName,
            Importance = function.Importance,
            SinglePoints = function.SinglePoints.SelectMany(cut => cut.CompanyIds).ToList(),
            Pairs = function.Pairs.Select(cut => (IReadOnlyList<string>)[.. cut.CompanyIds]).ToList(),
            Coverage = coverageById.TryGetValue(function.FunctionId, out var c) ? c.Coverage : Coverage.Observed,
            Gaps = c is null ? [] : GapLines(c),
        }).Concat(unmodelled).ToList();

        var chokepoints = analysis.Chokepoints.Select(point =>
        {
            var worst = model.Functions.Where(f => point.FunctionIds.Contains(f.Id)).OrderBy(f => f.Importance).First();
            var recovery = RecoveryEstimator.Estimate(point.CompanyId, worst, facts);
            return new ChokepointReport
            {
                Entity = EntityOf(report, point.CompanyId, names.GetValueOrDefault(point.CompanyId, point.CompanyName)),
                Functions = point.FunctionIds.ToList(),
                Severity = point.Severity,
                Inherent = point.IsInherent,
                InherentReason = InherentReason(point, report.Domain),
                Services = point.Suppliers.Select(s => s.Service).Distinct(StringComparer.Ordinal).ToList(),
                Indirect = point.Suppliers.Where(s => s.Via is not null)
                    .Select(s => $"{s.Service} ({s.Detail}) behind {s.Via!.CompanyName} {s.Via.Service} ({s.Via.Detail})")
                    .Distinct(StringComparer.Ordinal).ToList(),
                TimeToRecover = ToReport(recovery, worst),
                History = HistoryLines(point),
            };
        }).ToList();

        var (withheld, bound) = blocking is not null ? ("not graded: " + SiteStates.WithheldBecause(blocking), null) : Withheld(analysis.Grade, covered, layers);
        return report with
        {
            Functions = functions,
            Chokepoints = chokepoints,
            Grade = withheld is null ? analysis.Grade.ToString() : null,
            GradeBound = bound?.ToString(),
            GradeExplanation = withheld ?? analysis.GradeExplanation,
            Complete = withheld is null && states.All(state => state.Kind != SiteStateKind.BudgetCut),
        };
    }

    /// <summary>
    /// Whether the grade of what was seen can be stated, or why not. Gaps hide suppliers, and a supplier more can only
    /// add single points, so the true grade equals the seen one or is worse: the seen grade stands when no unseen
    /// function could lower it (F is the worst; D and E are fixed once every critical function is fully seen; C
    /// cannot move by a high function), and is otherwise given as a bound, "D or worse" (docs/analysis.md).
    /// </summary>
    private static (string? Withheld, ExposureGrade? Bound) Withheld(ExposureGrade seen, IReadOnlyList<CoveredFunction> covered, IReadOnlyList<LayerReport> layers)
    {
        var critical = covered.Any(f => f.Importance == Importance.Critical && f.Coverage != Coverage.Observed);
        var high = covered.Any(f => f.Importance == Importance.High && f.Coverage != Coverage.Observed);
        var lowerable = seen != ExposureGrade.F && (critical || (seen <= ExposureGrade.B && high));
        if (!lowerable)
        {
            return (null, null);
        }

        var why = "not graded: " + Incomplete(covered, layers);
        return seen == ExposureGrade.A ? (why, null) : ($"{why}; from what was seen: {seen} or worse", seen);
    }

    /// <summary>"DNS was not observed: every query timed out; the web hosting was partly observed: ..." for the critical and high functions short of observed.</summary>
    private static string Incomplete(IReadOnlyList<CoveredFunction> covered, IReadOnlyList<LayerReport> layers)
    {
        var blind = layers.Where(l => l.Coverage == Coverage.NotObserved).SelectMany(l => l.Unobserved).ToHashSet();
        var said = new HashSet<UnobservedItem>();
        var parts = covered
            .Where(f => f.Coverage != Coverage.Observed && f.Importance is Importance.Critical or Importance.High)
            .OrderBy(f => f.Importance)
            .Where(f => f.Gaps.Count == 0 || !f.Gaps.All(said.Contains))
            .Select(f =>
            {
                said.UnionWith(f.Gaps);
                var own = f.Gaps;
                var word = f.Coverage == Coverage.NotObserved || (own.Count > 0 && own.All(blind.Contains)) ? "not observed" : "partly observed";
                var reasons = own.Select(g => g.Reason).Distinct(StringComparer.Ordinal).Take(1);
                return $"{FunctionCoverage.Subject(f.Id)} was {word}: {string.Join("; ", reasons)}";
            })
            .Distinct(StringComparer.Ordinal)
            .Take(2);
        return string.Join("; ", parts);
    }

    private static List<string> GapLines(CoveredFunction function) =>
        function.Gaps.Select(g => $"{GapKeyOf(g)}: {g.Reason}").Distinct(StringComparer.Ordinal).ToList();

    private static string GapKeyOf(UnobservedItem item) => item.What;

    /// <summary>
    /// Why a chokepoint is single by construction, from the service kinds of its registration suppliers; null when
    /// the company can also break a function through another service.
    /// </summary>
    private static string? InherentReason(SinglePointOfFailure point, string domain)
    {
        if (!point.IsInherent)
        {
            return null;
        }

        var services = point.Suppliers.Where(s => s.Layer == Layer.Registration).Select(s => s.Service).ToHashSet(StringComparer.Ordinal);
        var reasons = new List<string>();
        if (services.Contains(ServiceKind.Registry.ToWord()))
        {
            reasons.Add($"every .{domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..]} name has one registry");
        }

        if (services.Contains(ServiceKind.Registrar.ToWord()))
        {
            reasons.Add("a name has one registrar at a time, changed only by a transfer");
        }

        return string.Join("; ", reasons);
    }

    /// <summary>
    /// The chokepoint's history: one headline that counts the cases, then each case once. Only the company's own
    /// cases (it ran the service then) about a role it plays for the site are shown (docs/analysis.md, section 5).
    /// </summary>
    private List<string> HistoryLines(SinglePointOfFailure point)
    {
        var roles = point.Suppliers.Select(s => (s.Layer, s.Service)).Distinct().ToList();
        var cases = history.ForRoles(point.CompanyId, roles);
        if (cases.Count == 0)
        {
            return [];
        }

        var layers = roles.Where(role => cases.Any(c => c.IsAbout(role.Layer, role.Service))).Select(role => role.Layer);
        return [TerminationHistory.Headline(string.IsNullOrEmpty(point.CompanyName) ? point.CompanyId : point.CompanyName, cases, layers), .. cases.OrderBy(c => c.Date).Select(c => "  " + c)];
    }

    private static TimeToRecoverReport ToReport(TimeToRecover recovery, SiteFunction function) => new()
    {
        Low = recovery.Low,
        High = recovery.High,
        Summary = $"{recovery.Range} to restore \"{function.Name}\"",
        Steps = recovery.Steps.Select(step => step.ToString()).ToList(),
        Assumptions = recovery.Assumptions.ToList(),
    };

    private static EntityRef EntityOf(AuditReport report, string companyId, string name)
    {
        var known = report.Layers.SelectMany(l => l.Dependencies)
            .SelectMany(d => d.DependsOn.Prepend(d))
            .Select(d => d.Owner ?? d.Entity)
            .FirstOrDefault(e => e.Id == companyId);
        return known ?? new EntityRef(companyId, name, null);
    }
}
