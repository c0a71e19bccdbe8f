using Chokepoint.Analysis.FaultTree;

namespace Chokepoint.Planning.Plans;

/// <summary>The plan for one site: steps that remove or mitigate its single points of failure, best first.</summary>
/// <param name="Domain">The site's domain.</param>
/// <param name="GradeNow">The exposure grade before the plan.</param>
/// <param name="Steps">The steps, ranked.</param>
/// <param name="RankingRule">How steps are ranked, as text.</param>
public sealed record Plan(string Domain, ExposureGrade GradeNow, IReadOnlyList<PlanStep> Steps, string RankingRule);
