namespace Chokepoint.Simulation.Asn;

/// <summary>The IP-to-ASN files written for a world.</summary>
/// <param name="IPv4Path">The IPv4 ranges (<c>asn-ipv4.csv</c>).</param>
/// <param name="IPv6Path">The IPv6 ranges (<c>asn-ipv6.csv</c>).</param>
public sealed record AsnDatabaseFiles(string IPv4Path, string IPv6Path);
