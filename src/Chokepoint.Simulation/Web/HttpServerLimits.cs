namespace Chokepoint.Simulation.Web;

/// <summary>Bounds on the work a simulated HTTP server accepts, so that a misbehaving client cannot exhaust it.</summary>
public sealed record HttpServerLimits
{
    /// <summary>Largest request head (request line and headers), bytes; a larger one is answered 431.</summary>
    public int MaxRequestHeadBytes { get; init; } = 16 * 1024;

    /// <summary>Most header fields in one request; more are answered 431.</summary>
    public int MaxHeaderCount { get; init; } = 100;

    /// <summary>Largest request body accepted (and discarded), bytes; a larger one is answered 413.</summary>
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Most connections open at once per server; more are closed on accept.</summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>Most requests on one keep-alive connection.</summary>
    public int MaxRequestsPerConnection { get; init; } = 100;

    /// <summary>Time allowed for a TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed to receive a request head (also the keep-alive idle time).</summary>
    public TimeSpan RequestHeadTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time one write may stay blocked on a client that does not read.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
