namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>SOA record data.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.3.13">RFC 1035 §3.3.13</seealso>
public sealed record SoaRecordData(
    string PrimaryNameServer,
    string ResponsibleMailbox,
    uint Serial,
    uint Refresh,
    uint Retry,
    uint Expire,
    uint Minimum) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => DnsRecordType.SOA;
}
