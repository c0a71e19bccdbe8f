using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// The DNS of a simulated world, on loopback only: a recursive resolver at <see cref="ResolverEndPoint"/>, and
/// every nameserver address of the world's DNS services and TLD registries listening on <see cref="AuthoritativePort"/>.
/// Both speak UDP and TCP (RFC 1035 §4.2, RFC 7766).
/// </summary>
/// <remarks>
/// <para>The world is indexed when the server starts; later changes to it are not seen.</para>
/// <para>
/// The resolver sets RA, copies RD and answers for the whole world: the zone answering a name is the longest
/// zone suffix (dictionary lookups, one per label); CNAMEs are chased across zones up to
/// <see cref="DnsServerOptions.MaxCnameChain"/>; NXDOMAIN and NODATA carry the zone's SOA (RFC 2308); a
/// domain whose status holds clientHold or serverHold is NXDOMAIN; a registered domain whose zone is served by
/// nobody its delegation reaches is SERVFAIL (lame); DS comes from the parent side (<see cref="World.Domain.Ds"/>);
/// a signed zone publishes a fixed DNSKEY. Zones without SOA or NS get them synthesised from their serving services.
/// Team Cymru-style TXT answers map addresses and ASNs of the world's address space.
/// </para>
/// <para>
/// A DNS service's nameserver answers with AA only for zones its service serves and REFUSES others; a registry's
/// nameserver answers its TLD with referrals (NS in authority with the delegation TTL, glue for in-bailiwick hosts,
/// DS when published). UDP answers larger than 512 bytes, or than the client's EDNS payload size (at most
/// <see cref="DnsServerOptions.MaxUdpPayloadSize"/>), come back with TC set; over TCP they are whole. A query with
/// an OPT record gets one back (RFC 6891). Faults of the world apply as <see cref="DnsFaultKind"/> describes.
/// Only IPv4 nameserver addresses are bound.
/// </para>
/// </remarks>
public sealed class SimulatedDnsServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime;
    private readonly List<DnsEndpointListener> _listeners;
    private readonly TaskTracker _tracker = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private bool _disposed;

    private SimulatedDnsServer(
        CancellationTokenSource lifetime, DnsEndpointListener resolver, List<DnsEndpointListener> authoritative, IReadOnlyList<string> problems, DnsQueryCounter queries)
    {
        Queries = queries;
        _lifetime = lifetime;
        _listeners = [resolver, .. authoritative];
        ResolverEndPoint = resolver.EndPoint;
        AuthoritativeEndPoints = [.. authoritative.Select(l => l.EndPoint)];
        AuthoritativePort = authoritative.Count > 0 ? authoritative[0].EndPoint.Port : 0;
        WorldProblems = problems;
    }

    /// <summary>The recursive resolver: UDP and TCP on 127.0.0.1 at a free port.</summary>
    public IPEndPoint ResolverEndPoint { get; }

    /// <summary>The one port on which every nameserver address listens (UDP and TCP); 0 when the world has none.</summary>
    public int AuthoritativePort { get; }

    /// <summary>Every nameserver address with <see cref="AuthoritativePort"/>.</summary>
    public IReadOnlyList<IPEndPoint> AuthoritativeEndPoints { get; }

    /// <summary>World entries that could not be served (invalid record data, names outside their zone, bad prefixes).</summary>
    public IReadOnlyList<string> WorldProblems { get; }

    /// <summary>How many queries arrived, in all and per question (at the resolver and at the nameservers).</summary>
    public DnsQueryCounter Queries { get; }

    /// <summary>Unexpected failures while answering, each converted into a SERVFAIL; empty unless there is a bug.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Indexes <paramref name="world"/> and starts listening.</summary>
    /// <param name="world">The world to serve.</param>
    /// <param name="options">Settings; <see cref="DnsServerOptions.Default"/> if in doubt.</param>
    /// <param name="cancellationToken">Stops the receive loops when cancelled; sockets are closed by <see cref="DisposeAsync"/>.</param>
    /// <exception cref="InvalidOperationException">No common free port was found for the nameserver addresses.</exception>
    public static Task<SimulatedDnsServer> StartAsync(World.World world, DnsServerOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var index = DnsWorldIndex.Build(world);
        var queries = new DnsQueryCounter();
        var handler = new DnsRequestHandler(
            new ResolverResponder(index, options.MaxCnameChain),
            new AuthoritativeResponder(index, options.MaxCnameChain),
            DnsFaultPlan.Build(world.Faults),
            options,
            queries);

        var resolver = DnsEndpointListener.TryBind(IPAddress.Loopback, 0);
        for (var attempt = 0; resolver is null && attempt < options.PortAttempts; attempt++)
        {
            resolver = DnsEndpointListener.TryBind(IPAddress.Loopback, 0);
        }

        if (resolver is null)
        {
            throw new InvalidOperationException("No free loopback port for the resolver.");
        }

        var addresses = index.Listeners.Keys.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToList();
        var authoritative = BindCommonPort(addresses, options.PortAttempts, cancellationToken);
        if (authoritative is null)
        {
            resolver.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new InvalidOperationException($"No port is free on all {addresses.Count} nameserver addresses after {options.PortAttempts} attempts.");
        }

        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var server = new SimulatedDnsServer(lifetime, resolver, authoritative, index.Problems, queries);
        resolver.Start((q, tcp, ct) => server.HandleAsync(handler, q, null, tcp, ct), server._tracker, options.TcpIdleTimeout, lifetime.Token);
        foreach (var listener in authoritative)
        {
            var role = index.Listeners[listener.EndPoint.Address];
            listener.Start((q, tcp, ct) => server.HandleAsync(handler, q, role, tcp, ct), server._tracker, options.TcpIdleTimeout, lifetime.Token);
        }

        return Task.FromResult(server);
    }

    /// <summary>Stops every loop and closes every socket; the ports are free afterwards.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _lifetime.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        await _tracker.WhenAll().ConfigureAwait(false);
        _lifetime.Dispose();
    }

    private static List<DnsEndpointListener>? BindCommonPort(List<IPAddress> addresses, int attempts, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            return [];
        }

        for (var attempt = 0; attempt < attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = DnsEndpointListener.TryBind(addresses[0], 0);
            if (first is null)
            {
                continue;
            }

            var bound = new List<DnsEndpointListener> { first };
            foreach (var address in addresses.Skip(1))
            {
                var next = DnsEndpointListener.TryBind(address, first.EndPoint.Port);
                if (next is null)
                {
                    break;
                }

                bound.Add(next);
            }

            if (bound.Count == addresses.Count)
            {
                return bound;
            }

            foreach (var listener in bound)
            {
                listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        return null;
    }

    private async Task<byte[]?> HandleAsync(DnsRequestHandler handler, byte[] query, ListenerRole? role, bool tcp, CancellationToken cancellationToken)
    {
        try
        {
            return await handler.HandleAsync(query, role, tcp, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
#pragma warning disable CA1031 // The listener boundary: a failure is reported in Errors and as SERVFAIL, never kills the loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _errors.Enqueue(exception.ToString());
            var read = DnsMessageReader.Read(query);
            return read.Id is { } id
                ? DnsMessageWriter.Write(new DnsMessage { Id = id, IsResponse = true, ResponseCode = DnsResponseCode.ServerFailure, Questions = read.Message?.Questions ?? [] })
                : null;
        }
    }
}
