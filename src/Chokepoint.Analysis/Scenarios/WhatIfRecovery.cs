using Chokepoint.Analysis.Recovery;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>
/// One way back, described once for every function it restores: the dropped companies to replace and, for each, the
/// steps. Replacements of different companies run in parallel, so the range is that of the slowest one.
/// </summary>
/// <param name="Id">"r1", "r2", ...: how a function's outcome names its recovery.</param>
/// <param name="CompanyIds">The dropped companies whose replacement restores the functions.</param>
/// <param name="FunctionIds">The failing functions this restores, in model order.</param>
/// <param name="Parts">One estimate per company in <paramref name="CompanyIds"/>.</param>
public sealed record WhatIfRecovery(string Id, IReadOnlyList<string> CompanyIds, IReadOnlyList<string> FunctionIds, IReadOnlyList<TimeToRecover> Parts)
{
    /// <summary>Best case: the slowest replacement's best case.</summary>
    public TimeSpan Low => Parts.Count == 0 ? TimeSpan.Zero : Parts.Max(p => p.Low);

    /// <summary>Worst case: the slowest replacement's worst case.</summary>
    public TimeSpan High => Parts.Count == 0 ? TimeSpan.Zero : Parts.Max(p => p.High);

    /// <summary>True when a step has no deadline.</summary>
    public bool OpenEnded => Parts.Any(p => p.OpenEnded);

    /// <summary>The range as text, e.g. "2 h - 2 days" or "1-14 days or longer".</summary>
    public string Range => new DurationRange(Low, High).ToString() + (OpenEnded ? " or longer" : string.Empty);
}
