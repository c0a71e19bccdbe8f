namespace Chokepoint.Simulation.World;

/// <summary>
/// A simulated internet, as described by a world file (docs/world-format.md).
/// Every address in a world lies in 127.0.0.0/8 so that all of it can be served on loopback.
/// </summary>
public sealed class World
{
    /// <summary>The world-file format version; only 1 is defined.</summary>
    public int Version { get; set; } = 1;

    /// <summary>A short name for the world, shown in logs and profiles.</summary>
    public string Name { get; set; } = "world";

    /// <summary>The owning entities; services name their company by <see cref="Company.Id"/>.</summary>
    public List<Company> Companies { get; set; } = [];

    /// <summary>TLD registries, each with an RDAP service.</summary>
    public List<Registry> Registries { get; set; } = [];

    /// <summary>Registrars (name, IANA ID, owning company).</summary>
    public List<Registrar> Registrars { get; set; } = [];

    /// <summary>Authoritative DNS services and their nameservers.</summary>
    public List<DnsService> DnsServices { get; set; } = [];

    /// <summary>Address space: prefixes with their origin ASN and organisation.</summary>
    public List<AddressPrefix> AddressSpace { get; set; } = [];

    /// <summary>Certificate authorities; all chain to one simulated root.</summary>
    public List<CertificateAuthority> CertificateAuthorities { get; set; } = [];

    /// <summary>Registered domains with their registration data.</summary>
    public List<Domain> Domains { get; set; } = [];

    /// <summary>DNS zones and their records.</summary>
    public List<Zone> Zones { get; set; } = [];

    /// <summary>Web hosts (by host name) with their pages, headers and certificates.</summary>
    public List<WebHost> WebHosts { get; set; } = [];

    /// <summary>Faults and latency injected per server or per name.</summary>
    public List<Fault> Faults { get; set; } = [];

    /// <summary>The sites the world is meant to show (a registered domain and what it demonstrates), for listings and audits.</summary>
    public List<SiteInfo> Sites { get; set; } = [];
}

/// <summary>An owning entity, e.g. "Cloudflare, Inc.", with an optional parent company.</summary>
public sealed class Company
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Id of the parent company, if any.</summary>
    public string? Parent { get; set; }
    /// <summary>ISO 3166 country code of the company's seat.</summary>
    public string? Country { get; set; }
}

/// <summary>A TLD registry: runs the TLD's nameservers and its RDAP service.</summary>
public sealed class Registry
{
    /// <summary>The TLD without dots, e.g. "com" or "fr".</summary>
    public string Tld { get; set; } = "";
    /// <summary>Company id of the registry operator.</summary>
    public string Operator { get; set; } = "";
    /// <summary>Host name of the RDAP service (served over HTTP by the simulation), e.g. "rdap.verisign.example".</summary>
    public string RdapHost { get; set; } = "";
    /// <summary>The TLD's nameservers (host name and address), which answer referrals for the TLD's domains.</summary>
    public List<NameServer> NameServers { get; set; } = [];
}

/// <summary>A registrar accredited to sell names.</summary>
public sealed class Registrar
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public int IanaId { get; set; }
    /// <summary>Company id of the owner.</summary>
    public string Company { get; set; } = "";
    public string? AbuseEmail { get; set; }
    /// <summary>Host name of the registrar's own RDAP service, if any (linked from registry answers).</summary>
    public string? RdapHost { get; set; }
}

/// <summary>An authoritative DNS service (a provider's or a self-hosted one).</summary>
public sealed class DnsService
{
    public string Id { get; set; } = "";
    /// <summary>Company id of the operator.</summary>
    public string Company { get; set; } = "";
    public List<NameServer> NameServers { get; set; } = [];
}

/// <summary>A nameserver: a host name with IPv4 (and optionally IPv6) addresses.</summary>
public sealed class NameServer
{
    public string Host { get; set; } = "";
    public List<string> Addresses { get; set; } = [];
}

/// <summary>An announced prefix.</summary>
public sealed class AddressPrefix
{
    /// <summary>CIDR within 127.0.0.0/8 (or ::1/128), e.g. "127.16.0.0/16".</summary>
    public string Prefix { get; set; } = "";
    public int Asn { get; set; }
    /// <summary>Organisation name as an IP-to-ASN data set shows it, e.g. "AMAZON-02".</summary>
    public string Organization { get; set; } = "";
}

/// <summary>A certificate authority, as it appears in issuer fields.</summary>
public sealed class CertificateAuthority
{
    public string Id { get; set; } = "";
    /// <summary>Company id of the owner.</summary>
    public string Company { get; set; } = "";
    /// <summary>Issuer organisation (O=) of its intermediate.</summary>
    public string Organization { get; set; } = "";
    /// <summary>Issuer common name (CN=) of its intermediate.</summary>
    public string CommonName { get; set; } = "";
    /// <summary>OCSP responder host named in the AIA extension of issued certificates.</summary>
    public string? OcspHost { get; set; }
    /// <summary>Whether the CA issues through ACME (affects how certificates are described).</summary>
    public bool Acme { get; set; }
}

/// <summary>A registered domain and what its registry knows of it.</summary>
public sealed class Domain
{
    public string Name { get; set; } = "";
    /// <summary>Registrar id.</summary>
    public string Registrar { get; set; } = "";
    /// <summary>EPP status codes, e.g. "ok", "clientTransferProhibited", "clientHold".</summary>
    public List<string> Status { get; set; } = ["ok"];
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Expires { get; set; }
    public DateTimeOffset? Updated { get; set; }
    /// <summary>Nameservers at the parent (delegation), host names.</summary>
    public List<string> NameServers { get; set; } = [];
    /// <summary>TTL of the delegation NS set at the parent, seconds.</summary>
    public int DelegationTtl { get; set; } = 172800;
    /// <summary>Whether a DS record is published at the parent.</summary>
    public bool Ds { get; set; }
    /// <summary>The registrant RDAP shows; null: withheld, as most registries show it today.</summary>
    public Registrant? Registrant { get; set; }
}

/// <summary>A domain's registrant as its RDAP answers publish it (the entity of role "registrant").</summary>
public sealed class Registrant
{
    /// <summary>The organisation (jCard "org"), e.g. "Harborview Group B.V.".</summary>
    public string Organization { get; set; } = "";
    /// <summary>The contact's name (jCard "fn"); the organisation when empty.</summary>
    public string Name { get; set; } = "";
    /// <summary>The registry's contact handle; none when empty.</summary>
    public string Handle { get; set; } = "";
    /// <summary>Whether the answers withhold it anyway (a "REDACTED FOR PRIVACY" entity, RFC 9537 "redacted" members).</summary>
    public bool Redacted { get; set; }
}

/// <summary>A DNS zone served by one or more DNS services.</summary>
public sealed class Zone
{
    /// <summary>The zone apex, e.g. "example.com".</summary>
    public string Name { get; set; } = "";
    /// <summary>Ids of the DNS services that serve it (a nameserver of another service answers REFUSED: lame).</summary>
    public List<string> ServedBy { get; set; } = [];
    /// <summary>Whether the zone is signed (DNSKEY present).</summary>
    public bool Signed { get; set; }
    public List<ResourceRecord> Records { get; set; } = [];
}

/// <summary>One record. <see cref="Name"/> is relative to the zone ("@" for the apex) or absolute with a trailing dot.</summary>
public sealed class ResourceRecord
{
    public string Name { get; set; } = "@";
    /// <summary>SOA, NS, A, AAAA, CNAME, MX, TXT, CAA (DS/DNSKEY come from <see cref="Domain.Ds"/> and <see cref="Zone.Signed"/>).</summary>
    public string Type { get; set; } = "";
    public int Ttl { get; set; } = 300;
    /// <summary>Presentation-format data, e.g. "10 mx1.example.com." or "0 issue \"letsencrypt.org\"".</summary>
    public string Data { get; set; } = "";
}

/// <summary>A web host (by name) served over HTTP and HTTPS at the addresses its A records give.</summary>
public sealed class WebHost
{
    public string Host { get; set; } = "";
    /// <summary>The certificate served for this host (by SNI); null for HTTP only.</summary>
    public SiteCertificate? Certificate { get; set; }
    /// <summary>Headers added to every response (e.g. "server: cloudflare", "cf-ray: ...").</summary>
    public Dictionary<string, string> Headers { get; set; } = [];
    public List<Page> Pages { get; set; } = [];
    /// <summary>Whether plain HTTP redirects to HTTPS.</summary>
    public bool RedirectHttpToHttps { get; set; } = true;
}

/// <summary>The certificate a web host serves.</summary>
public sealed class SiteCertificate
{
    /// <summary>Certificate authority id.</summary>
    public string Issuer { get; set; } = "";
    public List<string> SubjectAlternativeNames { get; set; } = [];
    public DateTimeOffset NotBefore { get; set; }
    public DateTimeOffset NotAfter { get; set; }
    public bool OcspStapled { get; set; }
}

/// <summary>A page: a path with its status, headers and body, or a redirect.</summary>
public sealed class Page
{
    public string Path { get; set; } = "/";
    public int Status { get; set; } = 200;
    public string ContentType { get; set; } = "text/html; charset=utf-8";
    public Dictionary<string, string> Headers { get; set; } = [];
    /// <summary>Body text (HTML, ads.txt, ...).</summary>
    public string Body { get; set; } = "";
    /// <summary>Location for a redirect (status 301/302/307/308).</summary>
    public string? Redirect { get; set; }
}

/// <summary>A fault or latency injected at a target.</summary>
public sealed class Fault
{
    /// <summary>
    /// What it applies to: "dns:NAME" (queries for a name), "ns:HOST" (a nameserver),
    /// "rdap:TLD" (a registry's RDAP service), "web:HOST" (a web host), or "*" (every server).
    /// </summary>
    public string Target { get; set; } = "";
    /// <summary>
    /// delay, no-answer, servfail, refused, truncated, malformed, rdap-404, rdap-429, rdap-503, rdap-invalid-json,
    /// http-500, slow-body, endless-body, redirect-loop, oversized-page, cert-wrong-name, cert-expired, cert-untrusted.
    /// </summary>
    public string Kind { get; set; } = "";
    /// <summary>Added delay in milliseconds (for "delay", and the pace of "slow-body").</summary>
    public int DelayMs { get; set; }
}
