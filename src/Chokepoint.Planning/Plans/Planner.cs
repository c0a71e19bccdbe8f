using System.Globalization;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;

namespace Chokepoint.Planning.Plans;

/// <summary>
/// Turns the chokepoint analysis into a ranked plan: one step per single point of failure and layer, ranked by
/// risk removed per effort (see <see cref="RankingRule"/>), each with ready-to-use artifacts.
/// </summary>
public static class Planner
{
    /// <summary>The ranking rule, returned with every plan.</summary>
    public const string RankingRule =
        "Steps are ranked by risk removed per unit of effort. Risk is the sum, over the functions the step protects, of " +
        "an importance weight: critical 8, high 4, medium 2, low 1 (each level counts as much as two of the level below, " +
        "so one critical function outweighs one high and one medium together). A step that cannot remove the dependency " +
        "(the registry and the registrar: a domain has exactly one of each) counts half its risk. Effort: low 1 (a " +
        "record or a setting, under an hour), medium 2 (a new account and its configuration, about a day), high 4 (a " +
        "migration or standby, days). Score = risk x share removed / effort; ties go to the higher risk, then the company id.";

    /// <summary>Builds the plan.</summary>
    public static Plan Plan(SiteModel model, AnalysisResult analysis, PlanInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(inputs);

        var functions = model.Functions.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var drafts = new List<PlanStep>();
        foreach (var chokepoint in analysis.Chokepoints)
        {
            var broken = chokepoint.FunctionIds.Where(functions.ContainsKey).Select(id => functions[id]).ToList();
            // Roles behind one provider share one step (routing around that provider removes them all).
            foreach (var role in chokepoint.Suppliers.GroupBy(RoleOf))
            {
                var addressed = broken.Where(f => Addresses(f, chokepoint.CompanyId, role.Key)).ToList();
                if (addressed.Count == 0)
                {
                    continue;
                }

                var supplier = role.First();
                var content = StepContent.For(model, chokepoint, supplier, addressed, inputs, [.. role]);
                var risk = addressed.Sum(f => Weight(f.Importance));
                var share = content.Kind == StepKind.Removes ? 1.0 : 0.5;
                var score = risk * share / (int)content.Effort;
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"risk {risk} ({string.Join(" + ", addressed.Select(f => $"{f.Id} {Weight(f.Importance)}"))}) x {share:0.#} / effort {content.Effort} {(int)content.Effort} = {score:0.##}");
                TimeToRecover? recovery = inputs.Facts is null
                    ? null
                    : RecoveryEstimator.Estimate(supplier, addressed[0], inputs.Facts);

                drafts.Add(new PlanStep(0, chokepoint.CompanyId, chokepoint.CompanyName, supplier.Layer, supplier.Service, content.Kind,
                    content.Title, content.Text, addressed.Select(f => f.Id).ToList(), risk, content.Effort, content.EffortReason, score, reason, content.Artifacts, recovery));
            }
        }

        var ranked = UrgentSteps(model, inputs)
            .Concat(drafts
                .OrderByDescending(s => s.Score)
                .ThenByDescending(s => s.Risk)
                .ThenBy(s => s.CompanyId, StringComparer.Ordinal)
                .ThenBy(s => s.Layer))
            .Select((s, i) => s with { Rank = i + 1 })
            .ToList();
        return new Plan(model.Domain, analysis.Grade, ranked, RankingRule);
    }

    /// <summary>
    /// Steps that come before any ranking because the site is offline now or about to be: get a hold lifted (from the
    /// registrar for clientHold, the registry through the registrar for serverHold), restore a name in redemption,
    /// renew an expired one. Each names whom to contact, from RDAP.
    /// </summary>
    private static IEnumerable<PlanStep> UrgentSteps(SiteModel model, PlanInputs inputs)
    {
        var functions = model.Functions.Where(f => f.Id == "name-resolves").Select(f => f.Id).DefaultIfEmpty("name-resolves").ToList();
        foreach (var state in inputs.States)
        {
            var contact = state.Contact is null ? "the contact in the registrar's RDAP record" : state.Contact;
            (string Title, string Text, string Service)? step = state.Kind switch
            {
                SiteStateKind.OnHold when state.Text.Contains("clientHold", StringComparison.Ordinal) => (
                    $"Get the clientHold lifted at {state.By ?? "the registrar"}",
                    $"{model.Domain} is offline now: {state.By ?? "the registrar"} has put it on clientHold, so the registry serves no delegation. " +
                    $"Ask the registrar why (unpaid renewal, failed contact verification, abuse report, court order) and to remove the hold: contact {contact}. " +
                    "Once lifted, the name resolves again within the TLD's delegation TTL (at most two days, usually much less).",
                    "registrar"),
                SiteStateKind.OnHold => (
                    $"Get the serverHold lifted by {state.By ?? "the registry"}",
                    $"{model.Domain} is offline now: the registry {state.By ?? ""} has put it on serverHold (a registry decision: abuse, dispute, legal order). " +
                    $"Ask the registrar to take it up with the registry, or contact the registry directly; the registrar's contact: {contact}.",
                    "registry"),
                SiteStateKind.Redemption => (
                    $"Restore {model.Domain} from redemption at {state.By ?? "the registrar"}",
                    $"The registrar has deleted {model.Domain}; it is in its redemption period and offline. Restore it through {state.By ?? "the registrar"} (a restore fee applies) before the period ends and the name is released: contact {contact}.",
                    "registrar"),
                SiteStateKind.Expired => (
                    $"Renew {model.Domain} at {state.By ?? "the registrar"}",
                    $"The registration has expired: renew it now, before the registrar deletes or parks it; then turn on auto-renew and keep the contact addresses current ({contact}).",
                    "registrar"),
                _ => null,
            };
            if (step is { } s)
            {
                yield return new PlanStep(0, state.By ?? "registrar", state.By ?? "the registrar", Layer.Registration, s.Service, StepKind.Removes,
                    s.Title, s.Text, functions, Weight(Importance.Critical), Effort.Low, "a request to the registrar, no change of provider",
                    1000, "first: the site is offline or about to be until this is done", [], null);
            }
        }
    }

    /// <summary>Importance weight used in ranking: critical 8, high 4, medium 2, low 1.</summary>
    public static int Weight(Importance importance) => importance switch
    {
        Importance.Critical => 8,
        Importance.High => 4,
        Importance.Medium => 2,
        _ => 1,
    };

    /// <summary>
    /// A company's role at a layer matters for a function when losing that role alone breaks it (sufficient), or
    /// when the company's other roles do not break it without this one (necessary).
    /// </summary>
    private static (Layer Layer, string Service, string? Via) RoleOf(Supplier supplier) => supplier.Via is { } via
        ? (via.Layer, via.Service.ToLowerInvariant(), via.CompanyId)
        : (supplier.Layer, supplier.Service.ToLowerInvariant(), null);

    private static bool Addresses(SiteFunction function, string companyId, (Layer Layer, string Service, string? Via) role)
    {
        bool IsRole(Supplier s) => s.CompanyId == companyId && RoleOf(s) == role;
        var sufficient = FaultTreeEvaluator.Fails(function.Requirement, IsRole);
        var necessary = !FaultTreeEvaluator.Fails(function.Requirement, s => s.CompanyId == companyId && !IsRole(s));
        return sufficient || necessary;
    }
}
