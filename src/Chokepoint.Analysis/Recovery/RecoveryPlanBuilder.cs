namespace Chokepoint.Analysis.Recovery;

/// <summary>Collects steps and assumptions while an estimate is built.</summary>
internal sealed class RecoveryPlanBuilder
{
    public List<RecoveryStep> Steps { get; } = [];

    public List<string> Assumptions { get; } = [];

    public RecoveryPlanBuilder Step(string text, DurationRange duration, bool openEnded = false)
    {
        Steps.Add(new RecoveryStep(text, duration, openEnded));
        return this;
    }

    public RecoveryPlanBuilder Assume(string text)
    {
        if (!Assumptions.Contains(text, StringComparer.Ordinal))
        {
            Assumptions.Add(text);
        }

        return this;
    }

    /// <summary>Waiting for cached records to expire: from zero to the TTL, or to a stated assumption when unknown.</summary>
    public RecoveryPlanBuilder TtlWait(string what, TimeSpan? ttl, TimeSpan assumedWhenUnknown, string unknownReason)
    {
        if (ttl is { } known)
        {
            Step($"wait for cached {what} to expire (TTL {DurationRange.Format(known)})", DurationRange.UpTo(known));
        }
        else
        {
            Step($"wait for cached {what} to expire (TTL unknown)", DurationRange.UpTo(assumedWhenUnknown));
            Assume($"{what} TTL unknown: assumed up to {DurationRange.Format(assumedWhenUnknown)} ({unknownReason})");
        }

        return this;
    }
}
