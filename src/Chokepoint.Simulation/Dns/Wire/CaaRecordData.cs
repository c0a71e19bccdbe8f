namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>CAA record data, e.g. <c>0 issue "letsencrypt.org"</c>.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659#section-4.1">RFC 8659 §4.1</seealso>
public sealed record CaaRecordData(byte Flags, string Tag, string Value) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => DnsRecordType.CAA;
}
