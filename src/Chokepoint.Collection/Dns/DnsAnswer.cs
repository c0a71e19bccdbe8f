using DnsClient;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// The outcome of one DNS query: the response when a message arrived, and a failure reason when it did not or
/// when its response code is an error other than NXDOMAIN.
/// </summary>
public sealed record DnsAnswer
{
    /// <summary>The response, when one arrived.</summary>
    public IDnsQueryResponse? Response { get; init; }

    /// <summary>
    /// Why there is no usable answer: "timed out after 3 s", "SERVFAIL", "REFUSED", "malformed answer: ...";
    /// null for NOERROR and NXDOMAIN.
    /// </summary>
    public string? Failure { get; init; }

    /// <summary>True when the query timed out (no message at all).</summary>
    public bool TimedOut { get; init; }

    /// <summary>Who was asked, e.g. "dns 127.0.0.1:5353".</summary>
    public required string Source { get; init; }

    /// <summary>When the answer (or the failure) came.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>True when the name does not exist (NXDOMAIN).</summary>
    public bool NameDoesNotExist => Response?.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain;

    /// <summary>True when a NOERROR or NXDOMAIN response arrived.</summary>
    public bool Succeeded => Failure is null && Response is not null;
}
