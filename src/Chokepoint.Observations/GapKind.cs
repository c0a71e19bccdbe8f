namespace Chokepoint.Observations;

/// <summary>
/// Which kind of failure kept something from being observed. A watch tells "the provider changed" from "it timed
/// out this time" by this, never by reading the reason text. Written in JSON in kebab case ("budget-spent").
/// </summary>
public enum GapKind
{
    /// <summary>Not classified: a gap read from an observations file written before kinds were recorded.</summary>
    NotClassified,

    /// <summary>One probe (a DNS query, an RDAP request, a handshake, a fetch) ran past its own timeout.</summary>
    Timeout,

    /// <summary>The whole collection's time budget ran out before the probe finished.</summary>
    BudgetSpent,

    /// <summary>The name does not exist (DNS NXDOMAIN, or RDAP 404 for the domain).</summary>
    NxDomain,

    /// <summary>The name exists but holds no record of the type asked (NOERROR with no answer), or an empty answer.</summary>
    NoData,

    /// <summary>The server refused to answer (DNS REFUSED, a connection actively refused).</summary>
    Refused,

    /// <summary>The server failed to answer (DNS SERVFAIL).</summary>
    ServFail,

    /// <summary>An answer arrived but could not be read (a garbled DNS message, unparseable JSON or certificate).</summary>
    Malformed,

    /// <summary>An HTTP server answered with a status that carries no usable answer (4xx, 5xx).</summary>
    HttpStatus,

    /// <summary>A TLS handshake failed or the certificate did not validate.</summary>
    TlsInvalid,

    /// <summary>No connection could be made (unreachable, reset, no address to connect to).</summary>
    ConnectionFailed,

    /// <summary>Cut short by a size or count limit (a body over its cap, too many redirects, too many names).</summary>
    Bounded,

    /// <summary>Refused by the address policy before any packet was sent (e.g. a private address on the public internet).</summary>
    RefusedByPolicy,

    /// <summary>Not collected at all (the collector was not run, or the file predates it).</summary>
    NotCollected,

    /// <summary>Any other failure of a collector, described in the reason.</summary>
    Failed,
}
