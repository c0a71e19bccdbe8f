namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>One entry of the question section.</summary>
/// <param name="Name">The queried name in presentation form without the trailing dot ("" for the root).</param>
/// <param name="Type">The queried type.</param>
/// <param name="Class">The queried class; 1 (IN) in practice.</param>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.2">RFC 1035 §4.1.2</seealso>
public sealed record DnsQuestion(string Name, DnsRecordType Type, ushort Class = DnsQuestion.ClassInternet)
{
    /// <summary>The Internet class, IN.</summary>
    public const ushort ClassInternet = 1;
}
