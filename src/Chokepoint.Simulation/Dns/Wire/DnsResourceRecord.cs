namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>A resource record as it appears in the answer, authority or additional section.</summary>
/// <param name="Name">Owner name in presentation form without the trailing dot ("" for the root).</param>
/// <param name="Type">The record type.</param>
/// <param name="Class">The class; for OPT this carries the requestor's UDP payload size (RFC 6891 §6.1.2).</param>
/// <param name="Ttl">Time to live in seconds; for OPT this carries the extended RCODE, version and flags.</param>
/// <param name="Data">The typed record data.</param>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.3">RFC 1035 §4.1.3</seealso>
public sealed record DnsResourceRecord(string Name, DnsRecordType Type, ushort Class, uint Ttl, DnsRecordData Data)
{
    /// <summary>Creates an IN-class record.</summary>
    public static DnsResourceRecord Create(string name, uint ttl, DnsRecordData data) =>
        new(name, data.Type, DnsQuestion.ClassInternet, ttl, data);

    /// <summary>Creates an OPT pseudo-record advertising <paramref name="udpPayloadSize"/>.</summary>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1.2">RFC 6891 §6.1.2</seealso>
    public static DnsResourceRecord CreateOpt(ushort udpPayloadSize) =>
        new("", DnsRecordType.OPT, udpPayloadSize, 0, new OptRecordData([]));
}
