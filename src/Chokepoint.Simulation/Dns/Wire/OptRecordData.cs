namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>OPT pseudo-record data: the raw EDNS options (code, length, value triples).</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1.2">RFC 6891 §6.1.2</seealso>
public sealed record OptRecordData(byte[] Options) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => DnsRecordType.OPT;
}
