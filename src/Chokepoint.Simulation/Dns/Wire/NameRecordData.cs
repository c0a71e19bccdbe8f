namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>Record data that is a single domain name: NS or CNAME.</summary>
/// <param name="RecordType"><see cref="DnsRecordType.NS"/> or <see cref="DnsRecordType.CNAME"/>.</param>
/// <param name="Target">The name, without the trailing dot.</param>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.3">RFC 1035 §3.3</seealso>
public sealed record NameRecordData(DnsRecordType RecordType, string Target) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => RecordType;
}
