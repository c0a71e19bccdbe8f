namespace Chokepoint.Simulation.Dns;

/// <summary>Settings of a <see cref="SimulatedDnsServer"/>.</summary>
public sealed record DnsServerOptions
{
    /// <summary>The defaults.</summary>
    public static DnsServerOptions Default { get; } = new();

    /// <summary>The clock used for "delay" faults.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many CNAMEs the resolver follows before answering SERVFAIL.</summary>
    public int MaxCnameChain { get; init; } = 8;

    /// <summary>
    /// The UDP payload size the server advertises in its OPT record and the most it sends over UDP,
    /// whatever a client advertises (RFC 6891 §6.2.5); 1232 is the DNS Flag Day 2020 value.
    /// </summary>
    public ushort MaxUdpPayloadSize { get; init; } = 1232;

    /// <summary>How long a TCP connection may stay idle before the server closes it (RFC 7766 §6.2.3).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many ports to try for the authoritative listeners before giving up.</summary>
    public int PortAttempts { get; init; } = 32;
}
