using Chokepoint.Model;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>The outcome of a what-if for one function, with the path through the tree that explains it.</summary>
/// <param name="FunctionId">The function's id.</param>
/// <param name="FunctionName">Its display name.</param>
/// <param name="Importance">Its importance.</param>
/// <param name="Outcome">Fails, degrades or unaffected.</param>
/// <param name="Path">From the top of the tree down to the lost supplier(s), one step per line; empty when unaffected.</param>
public sealed record FunctionOutcome(
    string FunctionId,
    string FunctionName,
    Importance Importance,
    OutcomeKind Outcome,
    IReadOnlyList<string> Path);
