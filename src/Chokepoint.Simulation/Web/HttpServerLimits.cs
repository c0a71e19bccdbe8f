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

    /// <summary>
    /// Most connections open at once from one client address; more are closed on accept, so that one client holding
    /// idle connections cannot take every slot of <see cref="MaxConnections"/> from the others.
    /// </summary>
    public int MaxConnectionsPerClient { get; init; } = 64;

    /// <summary>Most requests on one keep-alive connection.</summary>
    public int MaxRequestsPerConnection { get; init; } = 100;

    /// <summary>Time allowed for a TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed to receive the first request head of a connection, from accept.</summary>
    public TimeSpan RequestHeadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time a keep-alive connection may stay idle between requests (and then to receive the next head).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time one write may stay blocked on a client that does not read.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
