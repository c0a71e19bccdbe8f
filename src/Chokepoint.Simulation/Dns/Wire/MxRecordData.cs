namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>MX record data.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.3.9">RFC 1035 §3.3.9</seealso>
public sealed record MxRecordData(ushort Preference, string Exchange) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => DnsRecordType.MX;
}
