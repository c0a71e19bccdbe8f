using System.Diagnostics;

namespace Chokepoint.Engine;

/// <summary>
/// The engine's spans: one per audit and one per stage (collect, analyze, plan, what-if). The probes inside a
/// collection (DNS queries, RDAP fetches, TLS handshakes, page fetches) have their own spans from the collection
/// source, so a listener on both sees where an audit's time went.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The name of the engine's <see cref="ActivitySource"/>.</summary>
    public const string SourceName = "Chokepoint.Engine";

    /// <summary>The engine's activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(EngineTelemetry).Assembly.GetName().Version?.ToString(3));
}
