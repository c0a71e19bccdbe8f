namespace Chokepoint.Collection.Asn;

/// <summary>The line formats <see cref="AsnIndexBuilder"/> reads.</summary>
public enum AsnInputFormat
{
    /// <summary><c>start_ip,end_ip,asn,organization</c> (@ip-location-db/asn), read by <see cref="AsnCsvReader"/>.</summary>
    Csv,

    /// <summary>iptoasn.com's TSV, read by <see cref="AsnTsvReader"/>.</summary>
    Tsv,
}
