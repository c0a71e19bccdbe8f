using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Rdap;

/// <summary>How a <see cref="SimulatedRdapServer"/> listens.</summary>
public sealed record RdapServerOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Bounds on the server's work.</summary>
    public HttpServerLimits Limits { get; init; } = new();

    /// <summary>Clock for events, Date headers and injected delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
