using System.Diagnostics;

namespace Chokepoint.Collection;

/// <summary>
/// The spans of the collectors, as System.Net's own <c>System.Net.Http</c> source does it: one
/// <see cref="Activity"/> per probe that went to the network (a DNS query, an RDAP fetch, a TLS handshake, an HTTP
/// request), tagged with what was asked and how it ended. Listen with an <see cref="ActivityListener"/> or
/// OpenTelemetry's <c>AddSource("Chokepoint.Collection")</c>.
/// </summary>
public static class CollectionTelemetry
{
    /// <summary>The name of the source, "Chokepoint.Collection".</summary>
    public const string SourceName = "Chokepoint.Collection";

    /// <summary>The source every collector starts its spans on.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(CollectionTelemetry).Assembly.GetName().Version?.ToString(3));

    /// <summary>Span of one DNS exchange; tags <c>dns.server</c>, <c>dns.name</c>, <c>dns.type</c>, <c>dns.outcome</c>.</summary>
    public const string DnsQuery = "dns.query";

    /// <summary>Span of one RDAP request; tags <c>url.full</c>, <c>http.response.status_code</c> (or <c>error.type</c>).</summary>
    public const string RdapFetch = "rdap.fetch";

    /// <summary>Span of one TLS handshake; tags <c>server.address</c> (the host), <c>network.peer.address</c>, <c>tls.outcome</c>.</summary>
    public const string TlsHandshake = "tls.handshake";

    /// <summary>Span of one HTTP request through the session's handler; tags <c>url.full</c>, <c>http.response.status_code</c> (or <c>error.type</c>).</summary>
    public const string HttpFetch = "http.fetch";
}
