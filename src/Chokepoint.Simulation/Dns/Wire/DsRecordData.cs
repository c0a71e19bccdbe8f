namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>DS record data.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc4034#section-5.1">RFC 4034 §5.1</seealso>
public sealed record DsRecordData(ushort KeyTag, byte Algorithm, byte DigestType, byte[] Digest) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => DnsRecordType.DS;
}
