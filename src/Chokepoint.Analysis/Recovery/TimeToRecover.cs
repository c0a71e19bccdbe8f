namespace Chokepoint.Analysis.Recovery;

/// <summary>How long a function stays broken after a company ends service, and why.</summary>
/// <param name="CompanyId">The company that ended service.</param>
/// <param name="FunctionId">The function being restored.</param>
/// <param name="Low">Best case: everything goes smoothly.</param>
/// <param name="High">Worst case under the stated assumptions.</param>
/// <param name="OpenEnded">True when a step has no deadline, so <paramref name="High"/> may be exceeded.</param>
/// <param name="Steps">The ordered steps.</param>
/// <param name="Assumptions">What was assumed, especially for facts that were unknown.</param>
public sealed record TimeToRecover(
    string CompanyId,
    string FunctionId,
    TimeSpan Low,
    TimeSpan High,
    bool OpenEnded,
    IReadOnlyList<RecoveryStep> Steps,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>The range as text, e.g. "1 h - 2 days" or "1 h - 2 days or longer".</summary>
    public string Range => new DurationRange(Low, High).ToString() + (OpenEnded ? " or longer" : string.Empty);
}
