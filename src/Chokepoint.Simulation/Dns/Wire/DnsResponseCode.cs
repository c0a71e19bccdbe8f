namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>The 4-bit RCODE of a DNS header.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.1">RFC 1035 §4.1.1</seealso>
public enum DnsResponseCode : byte
{
    /// <summary>No error.</summary>
    NoError = 0,
    /// <summary>The server could not interpret the query.</summary>
    FormatError = 1,
    /// <summary>The server failed to answer (SERVFAIL).</summary>
    ServerFailure = 2,
    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NameError = 3,
    /// <summary>The kind of query is not implemented.</summary>
    NotImplemented = 4,
    /// <summary>The server refuses to answer.</summary>
    Refused = 5,
}
