namespace Chokepoint.Simulation.World;

/// <summary>
/// Checks a world for what the servers rely on: version 1, unique ids, resolvable references (companies,
/// registrars, DNS services, CAs, the registry of each domain's TLD), loopback addresses and prefixes,
/// known record types with usable data, known fault kinds on meaningful targets, and valid names.
/// Problems are reported by field path; the caller maps paths to lines.
/// </summary>
internal sealed class WorldValidator
{
    private readonly World _world;
    private readonly int _maximumProblems;
    private readonly List<(string Path, string Message)> _problems = [];
    private int _omitted;
    private HashSet<string> _companies = [];
    private HashSet<string> _dnsServices = [];
    private HashSet<string> _tlds = [];

    private WorldValidator(World world, int maximumProblems)
    {
        _world = world;
        _maximumProblems = maximumProblems;
    }

    /// <summary>
    /// The problems found, as (field path, message), in a stable order: at most <paramref name="maximumProblems"/>,
    /// and how many more there were.
    /// </summary>
    public static (List<(string Path, string Message)> Problems, int Omitted) Validate(World world, int maximumProblems = WorldLoadResult.MaximumErrors)
    {
        var validator = new WorldValidator(world, Math.Max(0, maximumProblems));
        validator.Run();
        return (validator._problems, validator._omitted);
    }

    private void Add(string path, string message)
    {
        if (_problems.Count < _maximumProblems)
        {
            _problems.Add((path, message));
        }
        else
        {
            _omitted++;
        }
    }

    private void Run()
    {
        if (_world.Version != 1)
        {
            Add("version", $"unsupported version {_world.Version}; only version 1 is defined");
        }

        _companies = UniqueIds(_world.Companies, c => c.Id, "companies", "company");
        for (var i = 0; i < _world.Companies.Count; i++)
        {
            var company = _world.Companies[i];
            RequireText(company.Name, $"companies[{i}].name", "a company needs a name");
            if (company.Parent is { } parent)
            {
                Reference(_companies, parent, $"companies[{i}].parent", "company");
            }
        }

        CheckParentCycles();

        CheckRegistries();
        var registrars = UniqueIds(_world.Registrars, r => r.Id, "registrars", "registrar");
        for (var i = 0; i < _world.Registrars.Count; i++)
        {
            var registrar = _world.Registrars[i];
            Reference(_companies, registrar.Company, $"registrars[{i}].company", "company");
            OptionalHost(registrar.RdapHost, $"registrars[{i}].rdapHost");
        }

        _dnsServices = UniqueIds(_world.DnsServices, s => s.Id, "dnsServices", "DNS service");
        for (var i = 0; i < _world.DnsServices.Count; i++)
        {
            var service = _world.DnsServices[i];
            Reference(_companies, service.Company, $"dnsServices[{i}].company", "company");
            CheckNameServers(service.NameServers, $"dnsServices[{i}].nameServers");
        }

        for (var i = 0; i < _world.AddressSpace.Count; i++)
        {
            var prefix = _world.AddressSpace[i];
            Check(WorldSyntax.CheckPrefix(prefix.Prefix), $"addressSpace[{i}].prefix");
            if (prefix.Asn is <= 0)
            {
                Add($"addressSpace[{i}].asn", $"'{prefix.Asn}' is not an AS number");
            }
        }

        var authorities = UniqueIds(_world.CertificateAuthorities, c => c.Id, "certificateAuthorities", "certificate authority");
        for (var i = 0; i < _world.CertificateAuthorities.Count; i++)
        {
            var ca = _world.CertificateAuthorities[i];
            Reference(_companies, ca.Company, $"certificateAuthorities[{i}].company", "company");
            RequireText(ca.Organization, $"certificateAuthorities[{i}].organization", "issuer organisation (O=) is required");
            RequireText(ca.CommonName, $"certificateAuthorities[{i}].commonName", "issuer common name (CN=) is required");
            OptionalHost(ca.OcspHost, $"certificateAuthorities[{i}].ocspHost");
        }

        var domains = CheckDomains(registrars);
        CheckZones();
        CheckWebHosts(authorities);
        CheckFaults();
        UniqueIds(_world.Sites, s => WorldSyntax.Key(s.Domain), "sites", "site", "domain");
        for (var i = 0; i < _world.Sites.Count; i++)
        {
            CheckSite(_world.Sites[i].Domain, domains, $"sites[{i}].domain");
        }
    }

    /// <summary>
    /// A company may not be its own parent, directly or through others: ownership is rolled up along parents, and a
    /// cycle has no top. Each cycle is reported once, at the company of the cycle that comes first in the list.
    /// </summary>
    private void CheckParentCycles()
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var company in _world.Companies)
        {
            if (company.Parent is { } parent && company.Id.Length > 0)
            {
                parents.TryAdd(company.Id, parent);
            }
        }

        // 0: not seen, 1: on the current walk, 2: done.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _world.Companies.Count; i++)
        {
            var walk = new List<string>();
            var id = _world.Companies[i].Id;
            string? looped = null;
            while (id.Length > 0)
            {
                var seen = state.GetValueOrDefault(id);
                if (seen != 0)
                {
                    looped = seen == 1 ? id : null;
                    break;
                }

                state[id] = 1;
                walk.Add(id);
                if (!parents.TryGetValue(id, out var next))
                {
                    break;
                }

                id = next;
            }

            if (looped is not null)
            {
                var cycle = walk[walk.IndexOf(looped)..];
                Add($"companies[{i}].parent", cycle.Count == 1
                    ? $"company '{looped}' is its own parent"
                    : $"parent cycle: {string.Join(" -> ", cycle)} -> {looped}");
            }

            foreach (var member in walk)
            {
                state[member] = 2;
            }
        }
    }

    private void CheckRegistries()
    {
        _tlds = UniqueIds(_world.Registries, r => WorldSyntax.Key(r.Tld), "registries", "registry", "tld");
        for (var i = 0; i < _world.Registries.Count; i++)
        {
            var registry = _world.Registries[i];
            if (!WorldSyntax.IsDomainName(registry.Tld))
            {
                Add($"registries[{i}].tld", $"'{registry.Tld}' is not a valid TLD");
            }

            Reference(_companies, registry.Operator, $"registries[{i}].operator", "company");
            Host(registry.RdapHost, $"registries[{i}].rdapHost");
            CheckNameServers(registry.NameServers, $"registries[{i}].nameServers");
        }
    }

    /// <summary>
    /// A site is a registered domain of the world, or a name that is not registered under a TLD the world has a
    /// registry for (its registry answers NXDOMAIN and RDAP 404: a site that does not exist).
    /// </summary>
    private void CheckSite(string domain, HashSet<string> domains, string path)
    {
        var key = WorldSyntax.Key(domain);
        if (domains.Contains(key))
        {
            return;
        }

        if (!WorldSyntax.IsDomainName(domain))
        {
            Add(path, domain.Length == 0 ? "a domain is required" : $"'{domain}' is not a valid domain name");
            return;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !_tlds.Contains(key[(dot + 1)..]))
        {
            Add(path, $"unknown domain '{domain}': not registered in the world, and no registry for its TLD (a site that does not exist needs its TLD's registry)");
        }
    }

    private HashSet<string> CheckDomains(HashSet<string> registrars)
    {
        var names = UniqueIds(_world.Domains, d => WorldSyntax.Key(d.Name), "domains", "domain", "name");
        for (var i = 0; i < _world.Domains.Count; i++)
        {
            var domain = _world.Domains[i];
            var path = $"domains[{i}]";
            if (!WorldSyntax.IsDomainName(domain.Name))
            {
                Add($"{path}.name", $"'{domain.Name}' is not a valid domain name");
            }
            else
            {
                var key = WorldSyntax.Key(domain.Name);
                var dot = key.IndexOf('.', StringComparison.Ordinal);
                if (dot < 0 || !_tlds.Contains(key[(dot + 1)..]))
                {
                    Add($"{path}.name", $"no registry for the TLD of '{domain.Name}' (a domain is one label below a registry's TLD)");
                }
            }

            Reference(registrars, domain.Registrar, $"{path}.registrar", "registrar");
            for (var j = 0; j < domain.Status.Count; j++)
            {
                if (!WorldSyntax.EppStatuses.Contains(domain.Status[j]))
                {
                    Add($"{path}.status[{j}]", $"unknown EPP status '{domain.Status[j]}' (RFC 5731 §2.3)");
                }
            }

            for (var j = 0; j < domain.NameServers.Count; j++)
            {
                Host(domain.NameServers[j], $"{path}.nameServers[{j}]");
            }

            if (domain.DelegationTtl < 0)
            {
                Add($"{path}.delegationTtl", "TTL must not be negative");
            }

            if (domain.Expires < domain.Created)
            {
                Add($"{path}.expires", "expires before it was created");
            }
        }

        return names;
    }

    private void CheckZones()
    {
        UniqueIds(_world.Zones, z => WorldSyntax.Key(z.Name), "zones", "zone", "name");
        for (var i = 0; i < _world.Zones.Count; i++)
        {
            var zone = _world.Zones[i];
            var path = $"zones[{i}]";
            var apex = WorldSyntax.Key(zone.Name);
            if (!WorldSyntax.IsDomainName(zone.Name))
            {
                Add($"{path}.name", $"'{zone.Name}' is not a valid zone name");
            }

            for (var j = 0; j < zone.ServedBy.Count; j++)
            {
                Reference(_dnsServices, zone.ServedBy[j], $"{path}.servedBy[{j}]", "DNS service");
            }

            var cnames = new HashSet<string>(StringComparer.Ordinal);
            var others = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < zone.Records.Count; j++)
            {
                var record = zone.Records[j];
                var recordPath = $"{path}.records[{j}]";
                var owner = OwnerName(record.Name, apex, $"{recordPath}.name");
                if (!WorldSyntax.RecordTypes.Contains(record.Type))
                {
                    Add($"{recordPath}.type", $"unknown record type '{record.Type}'; expected one of {string.Join(", ", WorldSyntax.RecordTypes)}");
                    continue;
                }

                if (record.Ttl < 0)
                {
                    Add($"{recordPath}.ttl", "TTL must not be negative");
                }

                Check(WorldSyntax.CheckRecordData(record.Type, record.Data), $"{recordPath}.data");
                if (owner is not null)
                {
                    var isCname = record.Type.Equals("CNAME", StringComparison.OrdinalIgnoreCase);
                    if (isCname ? !cnames.Add(owner) || others.Contains(owner) : (others.Add(owner) && cnames.Contains(owner)))
                    {
                        Add(recordPath, $"'{owner}' has a CNAME and other data (RFC 1034 §3.6.2)");
                    }
                }
            }
        }
    }

    /// <summary>The absolute lower-case owner of a record, or null (with a problem) when it is not inside the zone.</summary>
    private string? OwnerName(string name, string apex, string path)
    {
        var owner = name is "@" or "" ? apex : name.EndsWith('.') ? WorldSyntax.Key(name) : WorldSyntax.Key($"{name}.{apex}");
        if (!WorldSyntax.IsDomainName(owner, allowWildcard: true))
        {
            Add(path, $"'{name}' is not a valid record name");
            return null;
        }

        if (owner != apex && !owner.EndsWith("." + apex, StringComparison.Ordinal))
        {
            Add(path, $"'{name}' is outside zone '{apex}'");
            return null;
        }

        return owner;
    }

    private void CheckWebHosts(HashSet<string> authorities)
    {
        var webHosts = UniqueIds(_world.WebHosts, w => WorldSyntax.Key(w.Host), "webHosts", "web host", "host");
        for (var i = 0; i < _world.WebHosts.Count; i++)
        {
            var host = _world.WebHosts[i];
            var path = $"webHosts[{i}]";
            Host(host.Host, $"{path}.host");
            if (host.Certificate is { } certificate)
            {
                Reference(authorities, certificate.Issuer, $"{path}.certificate.issuer", "certificate authority");
                if (certificate.SubjectAlternativeNames.Count == 0)
                {
                    Add($"{path}.certificate.subjectAlternativeNames", "a certificate needs at least one name");
                }

                for (var j = 0; j < certificate.SubjectAlternativeNames.Count; j++)
                {
                    if (!WorldSyntax.IsDomainName(certificate.SubjectAlternativeNames[j], allowWildcard: true))
                    {
                        Add($"{path}.certificate.subjectAlternativeNames[{j}]", $"'{certificate.SubjectAlternativeNames[j]}' is not a valid name");
                    }
                }

                var datesFit = CheckCertificateDate(certificate.NotBefore, $"{path}.certificate.notBefore", "notBefore")
                    & CheckCertificateDate(certificate.NotAfter, $"{path}.certificate.notAfter", "notAfter");
                if (datesFit && certificate.NotAfter <= certificate.NotBefore)
                {
                    Add($"{path}.certificate.notAfter", "notAfter must be later than notBefore");
                }
            }

            for (var j = 0; j < host.Pages.Count; j++)
            {
                var page = host.Pages[j];
                var pagePath = $"{path}.pages[{j}]";
                if (!page.Path.StartsWith('/'))
                {
                    Add($"{pagePath}.path", $"'{page.Path}' does not start with '/'");
                }

                if (page.Status is < 100 or > 599)
                {
                    Add($"{pagePath}.status", $"'{page.Status}' is not an HTTP status");
                }

                if (page.Status is 301 or 302 or 303 or 307 or 308 && string.IsNullOrEmpty(page.Redirect))
                {
                    Add($"{pagePath}.redirect", $"status {page.Status} needs a redirect location");
                }
                else if (page.Redirect is { } redirect)
                {
                    Check(CheckLocation(redirect, webHosts), $"{pagePath}.redirect");
                }

                CheckHeaders(page.Headers, webHosts, $"{pagePath}.headers");
            }

            CheckHeaders(host.Headers, webHosts, $"{path}.headers");
        }
    }

    /// <summary>
    /// A certificate date must be one X.509 can carry (RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime
    /// after, nothing before 1950) with a day to spare on each side for the simulated root that contains it; the
    /// default 0001-01-01 (a date left out) fails here with its field named.
    /// </summary>
    private bool CheckCertificateDate(DateTimeOffset date, string path, string field)
    {
        if (date >= WorldSyntax.EarliestCertificateDate && date <= WorldSyntax.LatestCertificateDate)
        {
            return true;
        }

        Add(path, date == default
            ? $"{field} is required (a date-time, e.g. 2026-01-01T00:00:00Z)"
            : $"{field} {date.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} is outside what a certificate can carry ({WorldSyntax.EarliestCertificateDate.UtcDateTime:yyyy-MM-dd} to {WorldSyntax.LatestCertificateDate.UtcDateTime:yyyy-MM-dd})");
        return false;
    }

    /// <summary>
    /// A redirect (or a location-bearing header) must stay in the world: a path on the same host, or an http/https
    /// URL whose host is one of the world's web hosts, never an address literal or a name outside the world.
    /// </summary>
    private static string? CheckLocation(string location, HashSet<string> webHosts)
    {
        if (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"redirect '{location}' is neither a path (/...) nor an http or https URL";
        }

        if (uri.HostNameType is not UriHostNameType.Dns || !WorldSyntax.IsDomainName(uri.IdnHost))
        {
            return $"redirect '{location}' names an address, not a web host of the world (the simulation stays on loopback)";
        }

        return webHosts.Contains(WorldSyntax.Key(uri.IdnHost)) ? null
            : $"redirect '{location}' leaves the world: '{uri.IdnHost}' is not one of its web hosts";
    }

    /// <summary>Headers that send a client to a URL (location, content-location, refresh) are checked as redirects.</summary>
    private void CheckHeaders(Dictionary<string, string> headers, HashSet<string> webHosts, string path)
    {
        foreach (var (name, value) in headers)
        {
            var at = value.IndexOf("url=", StringComparison.OrdinalIgnoreCase);
            var target = name.ToLowerInvariant() switch
            {
                "location" or "content-location" => value.Trim(),
                "refresh" when at >= 0 => value[(at + 4)..].Trim().Trim('\'', '"'),
                _ => null,
            };
            if (target is not null)
            {
                Check(CheckLocation(target, webHosts), $"{path}.{name}");
            }
        }
    }

    private void CheckFaults()
    {
        var nameServers = _world.DnsServices.SelectMany(s => s.NameServers).Concat(_world.Registries.SelectMany(r => r.NameServers))
            .Select(n => WorldSyntax.Key(n.Host)).ToHashSet(StringComparer.Ordinal);
        var webHosts = _world.WebHosts.Select(w => WorldSyntax.Key(w.Host)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < _world.Faults.Count; i++)
        {
            var fault = _world.Faults[i];
            var path = $"faults[{i}]";
            var colon = fault.Target.IndexOf(':', StringComparison.Ordinal);
            var prefix = fault.Target == "*" ? "*" : colon > 0 ? fault.Target[..colon] : "";
            var name = colon > 0 ? WorldSyntax.Key(fault.Target[(colon + 1)..]) : "";
            var targetError = prefix switch
            {
                "*" => null,
                "dns" => WorldSyntax.IsDomainName(name, allowWildcard: true) ? null : $"'{name}' is not a valid name",
                "ns" => nameServers.Contains(name) ? null : $"no nameserver '{name}' in the world",
                "rdap" => _tlds.Contains(name) ? null : $"no registry for TLD '{name}'",
                "web" => webHosts.Contains(name) ? null : $"no web host '{name}' in the world",
                _ => $"unknown target '{fault.Target}'; expected dns:NAME, ns:HOST, rdap:TLD, web:HOST or *",
            };
            Check(targetError, $"{path}.target");
            if (!KnownFaultKinds.All.Contains(fault.Kind))
            {
                Add($"{path}.kind", $"unknown fault kind '{fault.Kind}'; expected one of {string.Join(", ", KnownFaultKinds.All)}");
            }
            else if (targetError is null && !KnownFaultKinds.ForTarget(prefix).Contains(fault.Kind))
            {
                Add($"{path}.kind", $"fault kind '{fault.Kind}' does not apply to a '{prefix}:' target");
            }

            if (fault.DelayMs < 0 || (fault.Kind is "delay" or "slow-body" && fault.DelayMs == 0))
            {
                Add($"{path}.delayMs", fault.DelayMs < 0 ? "delay must not be negative" : $"'{fault.Kind}' needs a positive delayMs");
            }
        }
    }

    private void CheckNameServers(List<NameServer> nameServers, string path)
    {
        for (var j = 0; j < nameServers.Count; j++)
        {
            var ns = nameServers[j];
            Host(ns.Host, $"{path}[{j}].host");
            if (ns.Addresses.Count == 0)
            {
                Add($"{path}[{j}].addresses", $"nameserver '{ns.Host}' needs at least one address");
            }

            for (var k = 0; k < ns.Addresses.Count; k++)
            {
                Check(WorldSyntax.CheckAddress(ns.Addresses[k]), $"{path}[{j}].addresses[{k}]");
            }
        }
    }

    private HashSet<string> UniqueIds<T>(List<T> items, Func<T, string> id, string listPath, string what, string field = "id")
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var value = id(items[i]);
            if (value.Length == 0)
            {
                Add($"{listPath}[{i}].{field}", $"a {what} needs a {field}");
            }
            else if (!seen.Add(value))
            {
                Add($"{listPath}[{i}].{field}", $"duplicate {what} {field} '{value}'");
            }
        }

        return seen;
    }

    private void Reference(HashSet<string> known, string value, string path, string what)
    {
        if (!known.Contains(value))
        {
            Add(path, value.Length == 0 ? $"a {what} is required" : $"unknown {what} '{value}'");
        }
    }

    private void RequireText(string value, string path, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, message);
        }
    }

    private void Host(string value, string path)
    {
        if (!WorldSyntax.IsDomainName(value))
        {
            Add(path, value.Length == 0 ? "a host name is required" : $"'{value}' is not a valid host name");
        }
    }

    private void OptionalHost(string? value, string path)
    {
        if (value is not null)
        {
            Host(value, path);
        }
    }

    private void Check(string? error, string path)
    {
        if (error is not null)
        {
            Add(path, error);
        }
    }
}
