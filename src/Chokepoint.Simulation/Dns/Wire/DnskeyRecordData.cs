namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>DNSKEY record data.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc4034#section-2.1">RFC 4034 §2.1</seealso>
public sealed record DnskeyRecordData(ushort Flags, byte Protocol, byte Algorithm, byte[] PublicKey) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => DnsRecordType.DNSKEY;
}
