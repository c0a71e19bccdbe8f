namespace Chokepoint.Collection.Asn;

/// <summary>One IP-to-ASN source file for <see cref="AsnIndexBuilder"/>.</summary>
/// <param name="Path">The file.</param>
/// <param name="Format">How its lines are written.</param>
public sealed record AsnInputFile(string Path, AsnInputFormat Format = AsnInputFormat.Csv);
