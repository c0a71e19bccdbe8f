namespace Chokepoint.Planning.Caa;

/// <summary>A finding about one CAA record (or the set, when <paramref name="Index"/> is -1).</summary>
/// <param name="Index">Position of the record in the validated list; -1 for the set as a whole.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong, citing the rule.</param>
public sealed record CaaProblem(int Index, CaaProblemSeverity Severity, string Message);
