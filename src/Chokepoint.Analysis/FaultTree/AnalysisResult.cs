namespace Chokepoint.Analysis.FaultTree;

/// <summary>The chokepoint analysis of one site.</summary>
/// <param name="Domain">The site's domain.</param>
/// <param name="Functions">Cut sets per function, in model order.</param>
/// <param name="Chokepoints">Single points of failure, most severe first.</param>
/// <param name="Pairs">Minimal pairs, most severe first.</param>
/// <param name="Grade">Overall exposure grade.</param>
/// <param name="GradeExplanation">Why this grade, e.g. "D: one company (cloudflare) can alone break 3 critical functions (...)".</param>
/// <param name="GradeRule">The rule used to grade, as text.</param>
public sealed record AnalysisResult(
    string Domain,
    IReadOnlyList<FunctionCutSets> Functions,
    IReadOnlyList<SinglePointOfFailure> Chokepoints,
    IReadOnlyList<CompanyPair> Pairs,
    ExposureGrade Grade,
    string GradeExplanation,
    string GradeRule);
