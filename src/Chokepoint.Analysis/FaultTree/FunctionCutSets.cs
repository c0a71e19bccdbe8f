using Chokepoint.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>The minimal cut sets of one function.</summary>
/// <param name="FunctionId">The function's id.</param>
/// <param name="FunctionName">The function's display name.</param>
/// <param name="Importance">The function's importance.</param>
/// <param name="SinglePoints">Order-1 cut sets: companies that alone break it.</param>
/// <param name="Pairs">Order-2 cut sets: pairs that break it though neither alone does.</param>
public sealed record FunctionCutSets(
    string FunctionId,
    string FunctionName,
    Importance Importance,
    IReadOnlyList<CutSet> SinglePoints,
    IReadOnlyList<CutSet> Pairs);
