namespace Chokepoint.Planning.Zones;

/// <summary>Record types the zone file writer and parser handle.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.2.2">RFC 1035 section 3.2.2</seealso>
public enum ZoneRecordType
{
    /// <summary>Start of authority (RFC 1035).</summary>
    SOA,

    /// <summary>Nameserver (RFC 1035).</summary>
    NS,

    /// <summary>IPv4 address (RFC 1035).</summary>
    A,

    /// <summary>IPv6 address (RFC 3596).</summary>
    AAAA,

    /// <summary>Alias (RFC 1035).</summary>
    CNAME,

    /// <summary>Mail exchanger (RFC 1035).</summary>
    MX,

    /// <summary>Text (RFC 1035).</summary>
    TXT,

    /// <summary>Certification authority authorization (RFC 8659).</summary>
    CAA,
}
