using System.Globalization;
using System.Threading.RateLimiting;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// Holds each HTTP request until the web host it is addressed to has a free permit under the session's per-host
/// limits (<see cref="Session.CollectionSettings.WebHostLimits"/>), so no web host sees more than a set number of
/// requests in flight or per second from one session, however many sites share it (a CDN front, an OCSP responder,
/// a script host). The wait counts against the request's own time; a request that finds the queue full is not sent.
/// </summary>
internal sealed class HostLimitHandler(HttpMessageHandler inner, PartitionedRateLimiter<string> limiter) : DelegatingHandler(inner)
{
    /// <summary>The partition key of a web host: its name (or address) in lower case, whatever the port or scheme.</summary>
    /// <param name="host">The host name or address.</param>
    /// <returns>The key, shared by the HTTP requests and TLS handshakes to the host.</returns>
    public static string Key(string host) => "web " + host.TrimEnd('.').ToLowerInvariant();

    /// <summary>Set on a request while it waits for its turn, so a probe that times out then can say so.</summary>
    public static readonly HttpRequestOptionsKey<bool> WaitingKey = new("chokepoint.waiting-for-host");

    /// <summary>True when <paramref name="request"/> was still waiting for its turn under the per-host limit.</summary>
    /// <param name="request">A request sent through the handler.</param>
    /// <returns>Whether it never got its turn.</returns>
    public static bool WasWaiting(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(WaitingKey, out var waiting) && waiting;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.IdnHost ?? string.Empty;
        request.Options.Set(WaitingKey, true);
        using var lease = await limiter.AcquireAsync(Key(host), 1, cancellationToken);
        request.Options.Set(WaitingKey, false);
        if (!lease.IsAcquired)
        {
            throw new HttpRequestException(string.Create(
                CultureInfo.InvariantCulture,
                $"not sent: more than {Session.ServerLimits.QueueLimit} requests were waiting for {host} under the per-host limit"));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
