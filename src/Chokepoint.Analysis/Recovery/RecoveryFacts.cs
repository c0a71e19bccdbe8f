namespace Chokepoint.Analysis.Recovery;

/// <summary>
/// What is known about the site that changes how long a recovery takes. Every property is optional: null means
/// unknown, and an unknown fact widens the estimate instead of being guessed.
/// </summary>
public sealed record RecoveryFacts
{
    /// <summary>Nothing known.</summary>
    public static RecoveryFacts Unknown { get; } = new();

    /// <summary>TTL of the NS delegation in the parent (TLD) zone; resolvers may keep the old delegation this long.</summary>
    public TimeSpan? ParentNsTtl { get; init; }

    /// <summary>Largest TTL among the records that must change (A/AAAA/CNAME/MX/CAA).</summary>
    public TimeSpan? RecordTtl { get; init; }

    /// <summary>
    /// EPP status codes of the domain (RFC 5731), in EPP ("clientTransferProhibited") or RDAP
    /// ("client transfer prohibited") form. Null when unknown, empty when known to carry none.
    /// </summary>
    public IReadOnlyList<string>? RegistrarStatusCodes { get; init; }

    /// <summary>Days since the last registrar or registrant change (transfers away are blocked for 60 days after one).</summary>
    public int? DaysSinceLastRegistrarChange { get; init; }

    /// <summary>Company id of the registrar, to see whether the DNS/CDN company is also the registrar.</summary>
    public string? RegistrarCompanyId { get; init; }

    /// <summary>Whether a copy of the DNS zone is kept outside the DNS provider.</summary>
    public bool? ZoneCopyAvailable { get; init; }

    /// <summary>Whether the zone is DNSSEC-signed (a DS record in the parent must change with the provider).</summary>
    public bool? DnssecSigned { get; init; }

    /// <summary>Whether certificates are issued automatically (ACME, RFC 8555).</summary>
    public bool? AcmeAutomated { get; init; }

    /// <summary>Whether the CAA records allow another CA, or there are none (RFC 8659).</summary>
    public bool? CaaAllowsAnotherCa { get; init; }

    /// <summary>
    /// The issuer domains the site's CAA "issue" records allow (RFC 8659 section 4.2): empty when the set was seen
    /// and names none (any CA may issue), null when it was not seen. With it, the TLS estimate tells whether a CA of
    /// another company than the one ending service is already allowed (<see cref="CaaIssuerDomains"/>).
    /// </summary>
    public IReadOnlyList<string>? CaaIssuers { get; init; }

    /// <summary>Days until the current certificate expires (negative when it already has).</summary>
    public int? CertificateDaysRemaining { get; init; }

    /// <summary>Whether the origin behind the CDN can serve readers directly.</summary>
    public bool? OriginReachableDirectly { get; init; }

    /// <summary>Whether an off-site backup of the site exists that another host can restore.</summary>
    public bool? OffsiteBackupAvailable { get; init; }

    /// <summary>Number of revenue paths that keep earning if this one stops.</summary>
    public int? RevenuePathsRemaining { get; init; }
}
