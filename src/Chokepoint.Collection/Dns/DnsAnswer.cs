using Chokepoint.Observations;
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

    /// <summary>
    /// Which kind of failure <see cref="Failure"/> is: <see cref="GapKind.Timeout"/>, <see cref="GapKind.ServFail"/>,
    /// <see cref="GapKind.Refused"/>, <see cref="GapKind.Malformed"/> (an unreadable message or FORMERR),
    /// <see cref="GapKind.ConnectionFailed"/>, or <see cref="GapKind.Failed"/> for another response code; null when
    /// there is no failure. NXDOMAIN and NODATA are answers, classified by the collector that meets them.
    /// </summary>
    public GapKind? FailureKind { get; init; }

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

    /// <summary>
    /// The gap this failed answer leaves for <paramref name="subject"/>, of its <see cref="FailureKind"/>; the reason is
    /// the failure, after <paramref name="context"/> ("www.example.com: timed out after 3 s") when given.
    /// </summary>
    public Unobserved GapFor(string subject, string? target = null, string? context = null) =>
        Unobserved.Of(subject, FailureKind ?? GapKind.Failed, context is null ? Failure ?? "no answer" : $"{context}: {Failure}", target);
}
