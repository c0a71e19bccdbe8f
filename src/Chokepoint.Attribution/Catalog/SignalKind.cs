namespace Chokepoint.Attribution.Catalog;

/// <summary>The kinds of observable signal a catalog rule can match. Words used in data files are in <see cref="SignalKinds"/>.</summary>
public enum SignalKind
{
    /// <summary>Authoritative nameserver host name (<c>ns</c>), matched by labels.</summary>
    Ns,

    /// <summary>CNAME target host name (<c>cname</c>), matched by labels.</summary>
    Cname,

    /// <summary>MX exchange host name (<c>mx</c>), matched by labels.</summary>
    Mx,

    /// <summary>Domain named by an SPF <c>include:</c> mechanism (<c>spf</c>), matched by labels.</summary>
    Spf,

    /// <summary>Autonomous system number as a decimal string (<c>asn</c>); "AS13335" and "13335" are the same.</summary>
    Asn,

    /// <summary>Certificate issuer organisation (O=) (<c>issuer</c>), exact case-insensitive match.</summary>
    Issuer,

    /// <summary>OCSP responder host (<c>ocsp</c>), matched by labels.</summary>
    Ocsp,

    /// <summary>HTTP response header (<c>header</c>): <c>name</c> (present) or <c>name: value</c> (value starts with).</summary>
    Header,

    /// <summary>IANA registrar id (<c>registrar-iana</c>).</summary>
    RegistrarIana,

    /// <summary>Registrar name as given in RDAP (<c>registrar-name</c>), case and punctuation insensitive.</summary>
    RegistrarName,

    /// <summary>A top-level domain the registry operates (<c>tld</c>).</summary>
    Tld,

    /// <summary>Host of a script, iframe, font or image loaded by a page (<c>resource-domain</c>), matched by labels.</summary>
    ResourceDomain,

    /// <summary>Ad-system domain of an ads.txt record (<c>ads-seller</c>), matched by labels.</summary>
    AdsSeller,

    /// <summary>Host of an outbound link (<c>link-domain</c>), matched by labels.</summary>
    LinkDomain,

    /// <summary>Link host plus the query parameter that carries an affiliate account (<c>affiliate-param</c>, e.g. <c>amazon.com?tag</c>).</summary>
    AffiliateParam,
}
