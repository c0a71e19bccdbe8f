namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>Data of a type the codec does not interpret, kept as raw bytes (RFC 3597).</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc3597">RFC 3597</seealso>
public sealed record UnknownRecordData(DnsRecordType RecordType, byte[] Bytes) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => RecordType;
}
