using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>The sections and flags of a response, before it is put on the wire.</summary>
internal sealed record DnsAnswer(
    DnsResponseCode Code,
    bool Authoritative,
    IReadOnlyList<DnsResourceRecord> Answers,
    IReadOnlyList<DnsResourceRecord> Authorities,
    IReadOnlyList<DnsResourceRecord> Additionals)
{
    public static DnsAnswer From(ZoneResult result, bool authoritative, IReadOnlyList<DnsResourceRecord>? answers = null) =>
        new(result.Code, authoritative, answers ?? result.Answers, result.Authorities, []);

    public static DnsAnswer Empty(DnsResponseCode code, bool authoritative) => new(code, authoritative, [], [], []);
}
