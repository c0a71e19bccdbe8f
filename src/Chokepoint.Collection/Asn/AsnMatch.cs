namespace Chokepoint.Collection.Asn;

/// <summary>The origin AS of an address and the organisation name the data set gives it.</summary>
public readonly record struct AsnMatch(int Asn, string Organization);
