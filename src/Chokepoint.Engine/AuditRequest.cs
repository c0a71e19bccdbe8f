using Chokepoint.Collection.Page;

namespace Chokepoint.Engine;

/// <summary>What one audit may set beyond the engine's settings.</summary>
public sealed record AuditRequest
{
    /// <summary>This site's collection budget; null for the engine's <see cref="EngineSettings.SiteBudget"/>.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>A browser's HAR capture of the site, merged into the page observation.</summary>
    public HarCapture? Har { get; init; }
}
