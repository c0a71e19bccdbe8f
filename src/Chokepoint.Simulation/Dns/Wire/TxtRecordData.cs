namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>
/// TXT record data: one or more character strings. On the wire each string is UTF-8 encoded and
/// split into character-strings of at most 255 bytes.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.3.14">RFC 1035 §3.3.14</seealso>
public sealed record TxtRecordData(IReadOnlyList<string> Strings) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type => DnsRecordType.TXT;

    /// <summary>The strings concatenated, as SPF and similar consumers read them.</summary>
    public string Text => string.Concat(Strings);
}
