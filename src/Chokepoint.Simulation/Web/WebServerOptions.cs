namespace Chokepoint.Simulation.Web;

/// <summary>How a <see cref="SimulatedWebServer"/> listens.</summary>
public sealed record WebServerOptions
{
    /// <summary>Port for plain HTTP on every web address; 0 picks one free on all of them.</summary>
    public int HttpPort { get; init; }

    /// <summary>Port for HTTPS on every web address; 0 picks one free on all of them.</summary>
    public int HttpsPort { get; init; }

    /// <summary>Bounds on the server's work.</summary>
    public HttpServerLimits Limits { get; init; } = new();

    /// <summary>Clock for Date headers, certificate validity and injected delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
