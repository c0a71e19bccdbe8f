using Chokepoint.Analysis.Recovery;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>How long one failing function stays broken, and which replacements (<see cref="WhatIfRecovery"/>) bring it back.</summary>
/// <param name="FunctionId">The failing function.</param>
/// <param name="CompanyIds">The dropped companies to replace: the fewest, fastest that restore it.</param>
/// <param name="Low">Best case.</param>
/// <param name="High">Worst case under the stated assumptions.</param>
/// <param name="OpenEnded">True when a step has no deadline.</param>
/// <param name="RecoveryIds">The replacements, by <see cref="WhatIfRecovery.Id"/>.</param>
public sealed record FunctionRecovery(string FunctionId, IReadOnlyList<string> CompanyIds, TimeSpan Low, TimeSpan High, bool OpenEnded, IReadOnlyList<string> RecoveryIds)
{
    /// <summary>The range as text, e.g. "2 h - 2 days" or "1-14 days or longer".</summary>
    public string Range => new DurationRange(Low, High).ToString() + (OpenEnded ? " or longer" : string.Empty);
}
