namespace Chokepoint.Analysis.Recovery;

/// <summary>One step of a recovery, in order.</summary>
/// <param name="Text">What to do and why it takes that long.</param>
/// <param name="Duration">How long it takes, as a range.</param>
/// <param name="OpenEnded">True when the step depends on a third party with no deadline (the high end is a guess).</param>
public sealed record RecoveryStep(string Text, DurationRange Duration, bool OpenEnded = false)
{
    /// <summary>"text: duration".</summary>
    public override string ToString() => $"{Text}: {Duration}{(OpenEnded ? " or longer" : string.Empty)}";
}
