namespace Chokepoint.Collection.Asn;

/// <summary>One address range of an IP-to-ASN data set; IPv4 addresses are held as their 32-bit value.</summary>
public readonly record struct AsnRange(UInt128 Start, UInt128 End, int Asn, string Organization);
