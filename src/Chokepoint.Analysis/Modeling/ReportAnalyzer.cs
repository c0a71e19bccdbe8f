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

    /// <summary>The report with <c>functions</c>, <c>chokepoints</c> and <c>grade</c> filled in.</summary>
    public AuditReport Complete(AuditReport report)
    {
        var model = SiteModelBuilder.Build(report);
        if (model.Functions.Count == 0)
        {
            return report with
            {
                Grade = null,
                GradeExplanation = "not graded: too little was observed to model the site's functions",
            };
        }

        var analysis = ChokepointAnalysis.Analyze(model);
        var facts = RecoveryFactsReader.Read(report);
        var withheld = WithheldBecause(report);
        var names = model.Companies();
        var functions = analysis.Functions.Select(function => new FunctionReport
        {
            Id = function.FunctionId,
            Name = function.FunctionName,
            Importance = function.Importance,
            SinglePoints = function.SinglePoints.SelectMany(cut => cut.CompanyIds).ToList(),
            Pairs = function.Pairs.Select(cut => (IReadOnlyList<string>)[.. cut.CompanyIds]).ToList(),
        }).ToList();

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

        return report with
        {
            Functions = functions,
            Chokepoints = chokepoints,
            Grade = withheld is null ? analysis.Grade.ToString() : null,
            GradeExplanation = withheld ?? analysis.GradeExplanation,
        };
    }

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
            reasons.Add($"every .{domain[(domain.LastIndexOf('.') + 1)..]} name has one registry");
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
        return [TerminationHistory.Headline(point.CompanyId, cases, layers), .. cases.OrderBy(c => c.Date).Select(c => "  " + c)];
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

    /// <summary>
    /// Why the grade is withheld, or null: a grade is a claim about every company the name depends on, so when the
    /// site's DNS operators were not seen at all (no nameserver observed, and the DNS layer says why), no grade is
    /// given rather than the best one by default (docs/analysis.md, "Not graded").
    /// </summary>
    private static string? WithheldBecause(AuditReport report)
    {
        var dns = report.Layers.FirstOrDefault(layer => layer.Layer == Layer.Dns);
        if (dns is null || dns.Dependencies.Count > 0 || dns.Unobserved.Count == 0)
        {
            return null;
        }

        var reasons = dns.Unobserved.Select(item => item.Reason).Distinct(StringComparer.Ordinal).Take(2);
        return "not graded: DNS was not observed: " + string.Join("; ", reasons);
    }
}
