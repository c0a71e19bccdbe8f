namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>Resource record types the simulation reads and writes.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.2.2">RFC 1035 §3.2.2</seealso>
public enum DnsRecordType : ushort
{
    /// <summary>No type (not valid on the wire).</summary>
    None = 0,
    /// <summary>IPv4 address (RFC 1035).</summary>
    A = 1,
    /// <summary>Authoritative nameserver (RFC 1035).</summary>
    NS = 2,
    /// <summary>Canonical name (RFC 1035).</summary>
    CNAME = 5,
    /// <summary>Start of authority (RFC 1035).</summary>
    SOA = 6,
    /// <summary>Mail exchange (RFC 1035).</summary>
    MX = 15,
    /// <summary>Text strings (RFC 1035).</summary>
    TXT = 16,
    /// <summary>IPv6 address (RFC 3596).</summary>
    AAAA = 28,
    /// <summary>EDNS pseudo-record (RFC 6891).</summary>
    OPT = 41,
    /// <summary>Delegation signer (RFC 4034).</summary>
    DS = 43,
    /// <summary>DNSSEC public key (RFC 4034).</summary>
    DNSKEY = 48,
    /// <summary>Any type (query only).</summary>
    ANY = 255,
    /// <summary>Certification authority authorization (RFC 8659).</summary>
    CAA = 257,
}
