using Chokepoint.Collection.Page;

namespace Chokepoint.Engine;

/// <summary>What one audit may set beyond the engine's settings.</summary>
public sealed record AuditRequest
{
    /// <summary>This site's collection budget; null for the engine's <see cref="EngineSettings.SiteBudget"/>.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>A browser's HAR capture of the site, merged into the page observation.</summary>
    public HarCapture? Har { get; init; }

    /// <summary>
    /// The host the web collection starts from, under the audited domain (e.g. <c>shop.example.com</c>); null for the
    /// host the audit was given when that is not the registrable domain itself, else the domain's apex or www.
    /// </summary>
    public string? EntryPoint { get; init; }

    /// <summary>
    /// Told where the audit stands: the collection's start, each phase as it ends (from the collectors' threads, so it
    /// must be thread-safe), the analysis, the end. Null for no progress.
    /// </summary>
    public IProgress<AuditProgress>? Progress { get; init; }
}
