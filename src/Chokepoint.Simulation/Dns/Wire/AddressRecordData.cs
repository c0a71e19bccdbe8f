using System.Net;
using System.Net.Sockets;

namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>A (IPv4) or AAAA (IPv6) record data.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.4.1">RFC 1035 §3.4.1</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc3596#section-2.2">RFC 3596 §2.2</seealso>
public sealed record AddressRecordData(IPAddress Address) : DnsRecordData
{
    /// <inheritdoc />
    public override DnsRecordType Type =>
        Address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.AAAA : DnsRecordType.A;
}
