using System.Globalization;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Page;
using Chokepoint.Observations.Registration;
using Chokepoint.Observations.Tls;
using Chokepoint.Observations.Web;

namespace Chokepoint.Observations.Reading;

/// <summary>
/// The last pass of the reader: every value of observations whose shape is right is checked for what it means
/// (docs/observations-format.md, "Validation"): names are DNS names, addresses IP addresses, URLs absolute, words of
/// a closed vocabulary known, counts and TTLs in range (free text is kept as given), and the registration is
/// for the site's own TLD. The first value that is wrong is thrown as <see cref="ObservationsFormatException"/>
/// with its member path.
/// </summary>
internal static class ObservationsValidator
{
    private static readonly HashSet<string> HostRoles = new(["apex", "www", "origin", "ocsp", "page", "mx"], StringComparer.Ordinal);
    private static readonly HashSet<string> NameServerStates = new(["authoritative", "lame", "unreachable", "unresolved", "unknown"], StringComparer.Ordinal);
    private static readonly HashSet<string> ZoneReasons = new(["cname", "mx", "ocsp"], StringComparer.Ordinal);

    public static void Validate(SiteObservations site)
    {
        var domainProblem = ValueRules.NameProblem(site.Domain);
        if (domainProblem is not null)
        {
            throw Wrong("domain", site.Domain, domainProblem);
        }

        if (!string.Equals(site.Domain, site.Domain.ToLowerInvariant(), StringComparison.Ordinal))
        {
            throw Wrong("domain", site.Domain, "is not normalised (lowercase, no trailing dot, punycode)");
        }

        if (site.Registration is { } registration)
        {
            Registration("registration", registration, site.Domain);
        }

        if (site.Dns is { } dns)
        {
            Dns("dns", dns);
        }

        Each("hosts", site.Hosts, Host);
        Each("http", site.Http, Http);
        Each("tls", site.Tls, Tls);
        Each("upstreamZones", site.UpstreamZones ?? [], Zone);
        Each("nameServerDomains", site.NameServerDomains ?? [], NameServerDomain);
        if (site.Mail is { } mail)
        {
            Mail("mail", mail);
        }

        if (site.Page is { } page)
        {
            Page("page", page);
        }

        Each("unobserved", site.Unobserved, (path, gap) =>
        {
            if (site.FormatVersion >= 2 && !ValueRules.IsKey(gap.Subject))
            {
                throw Wrong(path + ".subject", gap.Subject, "is not a gap subject (a dotted key such as dns.ns.parent)");
            }
        });
    }

    private static void Registration(string path, RegistrationObservation registration, string domain)
    {
        Name(path + ".tld", registration.Tld);
        if (!string.Equals(domain, registration.Tld, StringComparison.OrdinalIgnoreCase) &&
            !domain.EndsWith("." + registration.Tld, StringComparison.OrdinalIgnoreCase))
        {
            throw Wrong(path + ".tld", registration.Tld, $"is not a suffix of the site {ShapeScanner.Quote(domain)}: the registration is an RDAP answer for another domain");
        }

        Url(path + ".rdapService", registration.RdapService);
        if (registration.RegistrarIanaId is < 0)
        {
            throw Range(path + ".registrarIanaId", registration.RegistrarIanaId.Value, "an IANA registrar ID is not negative");
        }

        Each(path + ".nameServers", registration.NameServers, (p, name) => Name(p, name, trailingDot: true));
    }

    private static void NameServerDomain(string path, NameServerDomainObservation domain)
    {
        Name(path + ".domain", domain.Domain);
        Each(path + ".nameServers", domain.NameServers, (p, name) => Name(p, name, trailingDot: true));
        Url(path + ".rdapService", domain.RdapService);
        if (domain.RegistrarIanaId is < 0)
        {
            throw Range(path + ".registrarIanaId", domain.RegistrarIanaId.Value, "an IANA registrar ID is not negative");
        }
    }

    private static void Dns(string path, DnsObservation dns)
    {
        RecordSet(path + ".parentNs", dns.ParentNs, (p, value) => Name(p, value, trailingDot: true));
        RecordSet(path + ".childNs", dns.ChildNs, (p, value) => Name(p, value, trailingDot: true));
        RecordSet(path + ".soa", dns.Soa, Soa);
        RecordSet(path + ".caa", dns.Caa, Caa);
        RecordSet(path + ".txt", dns.Txt, (_, _) => { });
        Each(path + ".nameServers", dns.NameServers, (p, server) =>
        {
            Name(p + ".host", server.Host, trailingDot: true);
            Each(p + ".addresses", server.Addresses, Address);
            if (server.OwnZoneSoa is { } soa)
            {
                var parts = soa.Split(' ');
                if (parts.Length != 2 || ValueRules.NameProblem(parts[0], trailingDot: true) is not null || !NoSpaceText(parts[1]))
                {
                    throw Wrong(p + ".ownZoneSoa", soa, "is not \"MNAME RNAME\" of a SOA record");
                }
            }

            Word(p + ".state", server.State, NameServerStates);
        });
    }

    private static void RecordSet(string path, RecordSetObservation? set, Action<string, string> value)
    {
        if (set is null)
        {
            return;
        }

        Each(path + ".values", set.Values, value);
        Ttl(path + ".ttl", set.Ttl);
    }

    /// <summary>A SOA in presentation form: <c>MNAME RNAME serial refresh retry expire minimum</c> (RFC 1035 section 3.3.13).</summary>
    private static void Soa(string path, string value)
    {
        var parts = value.Split(' ');
        var ok = parts.Length == 7 && (parts[0] == "." || ValueRules.NameProblem(parts[0], trailingDot: true) is null) && NoSpaceText(parts[1]) &&
                 parts.Skip(2).All(number => uint.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (!ok)
        {
            throw Wrong(path, value, "is not a SOA record (MNAME RNAME serial refresh retry expire minimum)");
        }
    }

    /// <summary>A CAA record in presentation form: <c>flags tag value</c> (RFC 8659 section 4.1).</summary>
    private static void Caa(string path, string value)
    {
        var parts = value.Split(' ', 3);
        var ok = parts.Length == 3 && byte.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) &&
                 parts[1].Length > 0 && parts[1].All(char.IsAsciiLetterOrDigit) && ValueRules.IsText(parts[2]);
        if (!ok)
        {
            throw Wrong(path, value, "is not a CAA record (flags tag \"value\")");
        }
    }

    private static void Host(string path, HostObservation host)
    {
        Name(path + ".name", host.Name);
        Word(path + ".role", host.Role, HostRoles);
        Each(path + ".cnameChain", host.CnameChain, (p, name) => Name(p, name, trailingDot: true));
        Each(path + ".addresses", host.Addresses, Address);
        Ttl(path + ".ttl", host.Ttl);
    }

    private static void Address(string path, AddressObservation address)
    {
        Ip(path + ".ip", address.Ip);
        if (address.Asn is < 0)
        {
            throw Range(path + ".asn", address.Asn.Value, "an AS number is not negative");
        }

    }

    private static void Http(string path, HttpObservation http)
    {
        Url(path + ".url", http.Url);
        Url(path + ".finalUrl", http.FinalUrl);
        Status(path + ".status", http.Status);
        Each(path + ".redirects", http.Redirects, Url);
        Headers(path + ".headers", http.Headers);
        if (http.RemoteAddress is { } remote)
        {
            Ip(path + ".remoteAddress", remote);
        }

    }

    private static void Headers(string path, Dictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? [])
        {
            var member = ShapeScanner.Entry(path, name);
            if (!ValueRules.IsFieldName(name))
            {
                throw new ObservationsFormatException(member, "is not an HTTP field name (RFC 9110 section 5.1)");
            }

        }
    }

    private static void Tls(string path, TlsObservation tls)
    {
        Name(path + ".host", tls.Host);
        Each(path + ".chain", tls.Chain, (p, certificate) =>
        {
            Each(p + ".subjectAlternativeNames", certificate.SubjectAlternativeNames, (q, name) =>
            {
                if (!ValueRules.IsIpAddress(name) && ValueRules.NameProblem(name, trailingDot: true, wildcard: true) is { } problem)
                {
                    throw Wrong(q, name, problem + " nor an IP address");
                }
            });
            Each(p + ".ocspUrls", certificate.OcspUrls, Url);
            if (certificate.SerialNumber is { } serial && !serial.All(char.IsAsciiHexDigit))
            {
                throw Wrong(p + ".serialNumber", serial, "is not a serial number in hexadecimal");
            }
        });
        if (tls.Protocol is { } protocol && !NoSpaceText(protocol))
        {
            throw Wrong(path + ".protocol", protocol, "is not a protocol name (Tls13)");
        }

    }

    private static void Zone(string path, ZoneObservation zone)
    {
        Name(path + ".zone", zone.Zone, trailingDot: true);
        var apex = zone.Zone.TrimEnd('.');
        Each(path + ".names", zone.Names, (p, name) =>
        {
            Name(p, name, trailingDot: true);
            var bare = name.TrimEnd('.');
            if (!string.Equals(bare, apex, StringComparison.OrdinalIgnoreCase) && !bare.EndsWith("." + apex, StringComparison.OrdinalIgnoreCase))
            {
                throw Wrong(p, name, $"is not in the zone {ShapeScanner.Quote(zone.Zone)}");
            }
        });
        Word(path + ".reason", zone.Reason, ZoneReasons);
        Each(path + ".nameServers", zone.NameServers, (p, name) => Name(p, name, trailingDot: true));
        Ttl(path + ".ttl", zone.Ttl);
    }

    private static void Mail(string path, MailObservation mail)
    {
        Each(path + ".mx", mail.Mx, (p, mx) => Mx(p, mx));
        Ttl(path + ".mxTtl", mail.MxTtl);
        Each(path + ".spfIncludes", mail.SpfIncludes, PublishedDomain);
        Each(path + ".dmarcReceivers", mail.DmarcReceivers, PublishedDomain);
    }

    private static void Mx(string path, MxObservation mx)
    {
        if (mx.Preference is < 0 or > ushort.MaxValue)
        {
            throw Range(path + ".preference", mx.Preference, "an MX preference is 0 to 65535 (RFC 1035 section 3.3.9)");
        }

        if (mx.Host != ".")
        {
            Name(path + ".host", mx.Host, trailingDot: true);
        }

        Each(path + ".addresses", mx.Addresses, Address);
    }

    /// <summary>
    /// A domain as the site publishes it in SPF (<c>include:</c>, <c>redirect=</c>) or DMARC (<c>mailto:</c>): one
    /// word of visible ASCII. Not held to the rules of a name: an RFC 7208 macro string (<c>%{ir}.%{d}.spf.example</c>)
    /// is valid, and a site's typo (<c>include:spf.example,</c>) is what it published, not a reason to refuse the file.
    /// </summary>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc7208#section-7.1"/>
    private static void PublishedDomain(string path, string value)
    {
        if (value.Length is 0 or > 1024 || !value.All(c => c is > ' ' and < '\x7f'))
        {
            throw Wrong(path, value, "is not a published domain (one word of visible ASCII)");
        }
    }

    private static readonly HashSet<string> HeaderSources = new(StringComparer.Ordinal) { "har", "probe" };

    private static readonly HashSet<string> ProbeMethods = new(StringComparer.Ordinal) { "HEAD", "GET" };

    private static void Page(string path, PageObservation page)
    {
        Each(path + ".pages", page.Pages, (p, fetch) =>
        {
            Url(p + ".url", fetch.Url);
            Key(p + ".purpose", fetch.Purpose);
            Status(p + ".status", fetch.Status);
            if (fetch.BytesRead < 0)
            {
                throw Range(p + ".bytesRead", fetch.BytesRead, "a count of bytes is not negative");
            }

            Url(p + ".finalUrl", fetch.FinalUrl);
            Each(p + ".redirects", fetch.Redirects ?? [], Url);
        });
        Each(path + ".resources", page.Resources, (p, resource) =>
        {
            Url(p + ".url", resource.Url);
            PageHost(p + ".host", resource.Host);
            Key(p + ".kind", resource.Kind);
            Headers(p + ".headers", resource.Headers);
            if (resource.HeadersFrom is { } from)
            {
                Word(p + ".headersFrom", from, HeaderSources);
            }
        });
        Each(path + ".probes", page.Probes, (p, probe) =>
        {
            Url(p + ".url", probe.Url);
            PageHost(p + ".host", probe.Host);
            if (probe.Method is { } method)
            {
                Word(p + ".method", method, ProbeMethods);
            }

            Status(p + ".status", probe.Status);
            Status(p + ".headStatus", probe.HeadStatus);
        });
        Each(path + ".links", page.Links, (p, link) =>
        {
            Url(p + ".url", link.Url);
            PageHost(p + ".host", link.Host);
        });
    }

    /// <summary>The host of a URL on a page: a name, or an IP address (a literal in the URL, IPv6 in brackets).</summary>
    private static void PageHost(string path, string host)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (!ValueRules.IsIpAddress(literal))
        {
            Name(path, host);
        }
    }


    private static void Each<T>(string path, List<T> items, Action<string, T> check)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");

            // The shape pass refuses null elements; this holds even if the file changed between the two reads.
            check(item, items[i] ?? throw new ObservationsFormatException(item, "null where a value is expected"));
        }
    }

    private static void Name(string path, string name) => Name(path, name, trailingDot: false);

    private static void Name(string path, string name, bool trailingDot)
    {
        if (ValueRules.NameProblem(name, trailingDot) is { } problem)
        {
            throw Wrong(path, name, problem);
        }
    }

    private static void Ip(string path, string ip)
    {
        if (!ValueRules.IsIpAddress(ip))
        {
            throw Wrong(path, ip, "is not an IP address");
        }
    }

    private static void Url(string path, string? url)
    {
        if (url is not null && !ValueRules.IsAbsoluteUrl(url))
        {
            throw Wrong(path, url, "is not an absolute URL");
        }
    }

    private static void Key(string path, string key)
    {
        if (!ValueRules.IsKey(key))
        {
            throw Wrong(path, key, "is not a key (lowercase letters, digits, dots and hyphens)");
        }
    }

    private static void Word(string path, string word, HashSet<string> known)
    {
        if (!known.Contains(word))
        {
            throw Wrong(path, word, "is not one of " + string.Join(", ", known));
        }
    }

    private static void Ttl(string path, int? ttl)
    {
        if (ttl is < 0)
        {
            throw Range(path, ttl.Value, "a TTL is 0 to 2147483647 seconds (RFC 2181 section 8)");
        }
    }

    private static void Status(string path, int? status)
    {
        if (status is < 100 or > 999)
        {
            throw Range(path, status.Value, "an HTTP status has three digits");
        }
    }

    private static bool NoSpaceText(string text) => text.Length > 0 && ValueRules.IsText(text) && !text.Any(char.IsWhiteSpace);

    private static ObservationsFormatException Wrong(string path, string value, string problem) =>
        new(path, $"{ShapeScanner.Quote(value)} {problem}");

    private static ObservationsFormatException Range(string path, long value, string rule) =>
        new(path, string.Create(CultureInfo.InvariantCulture, $"{value} is out of range: {rule}"));
}
