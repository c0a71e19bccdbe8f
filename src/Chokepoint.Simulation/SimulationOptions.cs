using Chokepoint.Simulation.Dns;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation;

/// <summary>How a <see cref="SimulatedInternet"/> runs. Ports left at 0 are picked free.</summary>
public sealed record SimulationOptions
{
    /// <summary>Clock for certificates, RDAP events, Date headers and injected delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Plain HTTP port on every web address; 0 picks one.</summary>
    public int HttpPort { get; init; }

    /// <summary>HTTPS port on every web address; 0 picks one.</summary>
    public int HttpsPort { get; init; }

    /// <summary>RDAP port on 127.0.0.1; 0 picks one.</summary>
    public int RdapPort { get; init; }

    /// <summary>Bounds on the work of the web and RDAP servers.</summary>
    public HttpServerLimits HttpLimits { get; init; } = new();

    /// <summary>DNS server settings; null uses the defaults with <see cref="TimeProvider"/>.</summary>
    public DnsServerOptions? Dns { get; init; }

    /// <summary>Name written into the profile; null uses the world's name.</summary>
    public string? Name { get; init; }
}
