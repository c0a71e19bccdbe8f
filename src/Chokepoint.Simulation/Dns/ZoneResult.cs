using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>What one zone (or one delegation step) says about a name.</summary>
/// <param name="Code">NOERROR, NXDOMAIN, SERVFAIL, ...</param>
/// <param name="Answers">Answer records (a CNAME when <paramref name="CnameTarget"/> is set).</param>
/// <param name="Authorities">Authority records (the SOA of a negative answer, or a referral's NS set).</param>
/// <param name="CnameTarget">The target to chase when the name is an alias.</param>
internal sealed record ZoneResult(
    DnsResponseCode Code,
    IReadOnlyList<DnsResourceRecord> Answers,
    IReadOnlyList<DnsResourceRecord> Authorities,
    string? CnameTarget = null)
{
    public static ZoneResult Negative(DnsResponseCode code, DnsResourceRecord? soa) => new(code, [], soa is null ? [] : [soa]);

    public static ZoneResult Failure(DnsResponseCode code) => new(code, [], []);
}
