namespace Chokepoint.Observations;

/// <summary>
/// Every key under which a gap is reported (<see cref="Unobserved.Subject"/>), and the one table that tells the key
/// family of an older display key (<see cref="Unobserved.What"/>). Collectors name gaps by these constants and never
/// assemble dotted keys by hand; layers take their gaps by subject, never by reading text.
/// </summary>
public static class GapKeys
{
    /// <summary>The registry's RDAP lookup of the domain (and the collector as a whole).</summary>
    public const string Rdap = "rdap";

    /// <summary>The registrar's own RDAP service, followed for the abuse contact (the registry's data is kept).</summary>
    public const string RdapRegistrar = "rdap.registrar";

    /// <summary>The RDAP lookup of a registrable domain that holds the site's nameservers (not the site's own).</summary>
    public const string RdapNameServer = "rdap.nameserver";

    /// <summary>The DNS collector as a whole (budget spent, collector failed).</summary>
    public const string Dns = "dns";

    /// <summary>The NS set in the parent zone's referral.</summary>
    public const string DnsNsParent = "dns.ns.parent";

    /// <summary>The NS set at the apex, through the resolver.</summary>
    public const string DnsNsChild = "dns.ns.child";

    /// <summary>The zone's SOA.</summary>
    public const string DnsSoa = "dns.soa";

    /// <summary>CAA at the apex (RFC 8659).</summary>
    public const string DnsCaa = "dns.caa";

    /// <summary>TXT at the apex.</summary>
    public const string DnsTxt = "dns.txt";

    /// <summary>DS presence at the parent.</summary>
    public const string DnsDs = "dns.ds";

    /// <summary>DNSKEY presence at the apex.</summary>
    public const string DnsDnskey = "dns.dnskey";

    /// <summary>The apex host (both address families).</summary>
    public const string HostApex = "host.apex";

    /// <summary>The apex host's A records, when only that family failed.</summary>
    public const string HostApexA = "host.apex.a";

    /// <summary>The apex host's AAAA records, when only that family failed.</summary>
    public const string HostApexAaaa = "host.apex.aaaa";

    /// <summary>The www host.</summary>
    public const string HostWww = "host.www";

    /// <summary>The www host's A records.</summary>
    public const string HostWwwA = "host.www.a";

    /// <summary>The www host's AAAA records.</summary>
    public const string HostWwwAaaa = "host.www.aaaa";

    /// <summary>A name under the site that points straight at the origin.</summary>
    public const string HostOrigin = "host.origin";

    /// <summary>An origin host's A records.</summary>
    public const string HostOriginA = "host.origin.a";

    /// <summary>An origin host's AAAA records.</summary>
    public const string HostOriginAaaa = "host.origin.aaaa";

    /// <summary>The host of an OCSP responder named in a leaf certificate.</summary>
    public const string HostOcsp = "host.ocsp";

    /// <summary>An OCSP responder host's A records.</summary>
    public const string HostOcspA = "host.ocsp.a";

    /// <summary>An OCSP responder host's AAAA records.</summary>
    public const string HostOcspAaaa = "host.ocsp.aaaa";

    /// <summary>The TLS handshake with a host; the display key is "tls.{host}".</summary>
    public const string Tls = "tls";

    /// <summary>The fetch of a URL; the display key is "http.{url}".</summary>
    public const string Http = "http";

    /// <summary>The mail collector as a whole (budget spent, collector failed).</summary>
    public const string Mail = "mail";

    /// <summary>The MX set.</summary>
    public const string MailMx = "mail.mx";

    /// <summary>A mail exchanger's addresses; the display key is "mail.mx.{host}".</summary>
    public const string MailExchanger = "mail.exchanger";

    /// <summary>The SPF record at the apex.</summary>
    public const string MailSpf = "mail.spf";

    /// <summary>The DMARC record at _dmarc.</summary>
    public const string MailDmarc = "mail.dmarc";

    /// <summary>The page collector (landing and money pages).</summary>
    public const string Page = "page";

    /// <summary>
    /// The request to a third-party host the pages load from, for the headers that name its CDN; the display key is
    /// "page.probe.{host}", or "page.probe" for the hosts beyond the probe limit.
    /// </summary>
    public const string PageProbe = "page.probe";

    /// <summary>The ads.txt files.</summary>
    public const string AdsTxt = "ads.txt";

    /// <summary>The IP-to-ASN data set.</summary>
    public const string Asn = "asn";

    /// <summary>The zone of a CNAME target outside the site.</summary>
    public const string UpstreamZoneCname = "upstream.zone.cname";

    /// <summary>The zone of a mail exchanger outside the site.</summary>
    public const string UpstreamZoneMx = "upstream.zone.mx";

    /// <summary>The zone of an OCSP responder host or a name in its chain.</summary>
    public const string UpstreamZoneOcsp = "upstream.zone.ocsp";

    /// <summary>Subjects whose display key is a prefix followed by the target ("tls.www.example.com").</summary>
    private static readonly Dictionary<string, string> TargetKeyPrefixes = new(StringComparer.Ordinal)
    {
        [Tls] = "tls",
        [Http] = "http",
        [MailExchanger] = "mail.mx",
        [PageProbe] = "page.probe",
    };

    /// <summary>Every subject, in the order of the observations format's key table.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Rdap, RdapRegistrar, RdapNameServer,
        Dns, DnsNsParent, DnsNsChild, DnsSoa, DnsCaa, DnsTxt, DnsDs, DnsDnskey,
        HostApex, HostApexA, HostApexAaaa, HostWww, HostWwwA, HostWwwAaaa,
        HostOrigin, HostOriginA, HostOriginAaaa, HostOcsp, HostOcspA, HostOcspAaaa,
        Tls, Http,
        Mail, MailMx, MailExchanger, MailSpf, MailDmarc,
        Page, PageProbe, AdsTxt, Asn,
        UpstreamZoneCname, UpstreamZoneMx, UpstreamZoneOcsp,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>
    /// The subject of a host's gap: <see cref="HostApex"/> for role "apex", <see cref="HostWwwA"/> for role "www" and
    /// record type "A". A role without a constant keeps the "host.{role}" form so that nothing is lost.
    /// </summary>
    public static string ForHost(string role, string? recordType = null)
    {
        var key = recordType is null ? $"host.{role}" : $"host.{role}.{recordType.ToLowerInvariant()}";
        return Known.TryGetValue(key, out var constant) ? constant : key;
    }

    /// <summary>The subject of an upstream zone's gap for its reason ("cname", "mx", "ocsp").</summary>
    public static string ForUpstreamZone(string reason) => reason switch
    {
        "cname" => UpstreamZoneCname,
        "mx" => UpstreamZoneMx,
        "ocsp" => UpstreamZoneOcsp,
        _ => "upstream.zone." + reason,
    };

    /// <summary>The display key (<see cref="Unobserved.What"/>): the subject, or "{prefix}.{target}" for the families keyed by target.</summary>
    public static string DisplayKey(string subject, string? target) =>
        target is { Length: > 0 } && TargetKeyPrefixes.TryGetValue(subject, out var prefix) ? $"{prefix}.{target}" : subject;

    /// <summary>
    /// The subject and target of a display key, for gaps written before subjects were recorded (format version 1):
    /// a family keyed by target ("tls.", "http.", "mail.mx.") takes the rest of the key as its target; otherwise the
    /// longest known key equal to the key or a dotted prefix of it. A key no entry matches is its own subject.
    /// </summary>
    public static (string Subject, string? Target) Infer(string what)
    {
        if (Known.Contains(what))
        {
            return (what, null);
        }

        foreach (var (subject, prefix) in TargetKeyPrefixes)
        {
            if (what.Length > prefix.Length + 1 && what.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return (subject, what[(prefix.Length + 1)..]);
            }
        }

        var family = All.Where(key => what.StartsWith(key + ".", StringComparison.Ordinal)).MaxBy(key => key.Length);
        return (family ?? what, null);
    }
}
