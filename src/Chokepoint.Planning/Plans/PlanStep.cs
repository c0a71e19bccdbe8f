using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;

namespace Chokepoint.Planning.Plans;

/// <summary>One step of the plan: what to change about one company's role at one layer.</summary>
/// <param name="Rank">1 for the best risk removed per effort.</param>
/// <param name="CompanyId">The company that is a single point of failure.</param>
/// <param name="CompanyName">Its display name.</param>
/// <param name="Layer">The layer the step changes.</param>
/// <param name="Service">The service, e.g. "dns".</param>
/// <param name="Kind">Removes the single point, or mitigates it.</param>
/// <param name="Title">One line.</param>
/// <param name="Text">What to do and why.</param>
/// <param name="FunctionIds">The functions the step protects.</param>
/// <param name="Risk">Sum of the importance weights of those functions (critical 8, high 4, medium 2, low 1).</param>
/// <param name="Effort">Rough effort.</param>
/// <param name="EffortReason">Why that effort: the work the step takes, in a few words.</param>
/// <param name="Score">Risk removed per effort: Risk x (1 for Removes, 0.5 for Mitigates) / Effort.</param>
/// <param name="RankReason">The score spelled out.</param>
/// <param name="Artifacts">Ready-to-use artifacts.</param>
/// <param name="RecoveryToday">How long recovery would take today if the company ended this service (null without facts).</param>
public sealed record PlanStep(
    int Rank,
    string CompanyId,
    string CompanyName,
    Layer Layer,
    string Service,
    StepKind Kind,
    string Title,
    string Text,
    IReadOnlyList<string> FunctionIds,
    int Risk,
    Effort Effort,
    string EffortReason,
    double Score,
    string RankReason,
    IReadOnlyList<PlanArtifact> Artifacts,
    TimeToRecover? RecoveryToday);
