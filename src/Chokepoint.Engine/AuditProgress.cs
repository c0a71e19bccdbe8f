namespace Chokepoint.Engine;

/// <summary>Where one audit stands, for a front end that shows progress (the CLI's stderr line).</summary>
/// <param name="Domain">The audited domain (registrable, normalised).</param>
/// <param name="Step">What happened.</param>
/// <param name="Phase">
/// With <see cref="AuditStep.PhaseEnded"/>: the collection phase that ended, in words (<c>registration</c>,
/// <c>dns</c>, <c>hosts</c>, <c>mail</c>, <c>tls and http</c>, <c>page</c>, <c>upstream zones</c>); null otherwise.
/// </param>
/// <param name="Done">Collection phases ended so far.</param>
/// <param name="Total">Collection phases of this audit.</param>
/// <param name="Elapsed">Time since the audit started.</param>
public sealed record AuditProgress(string Domain, AuditStep Step, string? Phase, int Done, int Total, TimeSpan Elapsed);

/// <summary>The steps of an audit that <see cref="AuditProgress"/> reports, in order (phases end in any order).</summary>
public enum AuditStep
{
    /// <summary>The collection started: every phase runs at once.</summary>
    Collecting,

    /// <summary>One collection phase ended (with or without what it looked for).</summary>
    PhaseEnded,

    /// <summary>Everything was collected; attribution and analysis run.</summary>
    Analysing,

    /// <summary>The report is ready.</summary>
    Finished,
}
