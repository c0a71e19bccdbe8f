using System.Globalization;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;
using Chokepoint.Naming;
using Chokepoint.Observations;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Mail;
using Chokepoint.Planning.Plans;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Inputs;

/// <summary>
/// Gathers what the planner needs from the observations (the zone's records, CAA, MX) and from the catalog
/// (alternative providers of each service, owned by other companies).
/// </summary>
public static class PlanInputsBuilder
{
    /// <summary>
    /// The issuer domain each CA publishes for CAA "issue" records (the "CAA identifiers" each CA discloses in the
    /// Common CA Database, https://www.ccadb.org/resources), keyed by the catalog's company id.
    /// </summary>
    private static readonly Dictionary<string, string> CaaIdentifiers = new(StringComparer.Ordinal)
    {
        ["isrg"] = "letsencrypt.org",
        ["digicert"] = "digicert.com",
        ["sectigo"] = "sectigo.com",
        ["google"] = "pki.goog",
        ["alphabet"] = "pki.goog",
        ["globalsign"] = "globalsign.com",
        ["amazon"] = "amazon.com",
        ["entrust"] = "entrust.net",
        ["buypass"] = "buypass.com",
        ["ssl-com"] = "ssl.com",
        ["zerossl"] = "sectigo.com",
    };

    public static PlanInputs Build(SiteObservations observations, AuditReport report, ProviderCatalog catalog)
    {
        var domain = observations.Domain;
        var records = new List<ZoneRecord>();
        var nsTtl = (uint)(observations.Dns?.ChildNs?.Ttl ?? observations.Dns?.ParentNs?.Ttl ?? 86400);
        foreach (var nameServer in observations.Dns?.NameServers.Where(ns => ns.AtChild || ns.AtParent) ?? [])
        {
            records.Add(ZoneRecord.Ns(ZoneRecord.Absolute(domain), nsTtl, nameServer.Host));
        }

        // The site's own names only: a name under the domain (never "notexample.org" for "example.org"), and never a
        // provider's host kept in the observations (an OCSP responder).
        foreach (var host in observations.Hosts.Where(h => h.Role != "ocsp" && (HostName.Same(h.Name, domain) || HostName.Normalize(h.Name).EndsWith("." + domain, StringComparison.Ordinal))))
        {
            var ttl = (uint)(host.Ttl ?? 300);
            if (host.CnameChain.Count > 0)
            {
                records.Add(ZoneRecord.Cname(host.Name, ttl, host.CnameChain[0]));
                continue;
            }

            foreach (var address in host.Addresses)
            {
                records.Add(address.Ip.Contains(':', StringComparison.Ordinal) ? ZoneRecord.Aaaa(host.Name, ttl, address.Ip) : ZoneRecord.A(host.Name, ttl, address.Ip));
            }
        }

        var mx = observations.Mail?.Mx.Select(m => new MxEntry((ushort)Math.Clamp(m.Preference, 0, ushort.MaxValue), m.Host)).ToList() ?? [];
        var mxTtl = (uint)(observations.Mail?.MxTtl ?? 3600);
        records.AddRange(mx.Select(entry => ZoneRecord.Mx(domain, mxTtl, entry.Preference, entry.Exchange)));
        var txt = observations.Dns?.Txt;
        records.AddRange(txt?.Values.Select(value => ZoneRecord.Txt(domain, (uint)(txt.Ttl ?? 3600), Unquote(value))) ?? []);
        if (observations.Mail?.Dmarc is { } dmarc)
        {
            records.Add(ZoneRecord.Txt("_dmarc." + domain, 3600, dmarc));
        }

        var caa = new List<CaaRecord>();
        foreach (var value in observations.Dns?.Caa?.Values ?? [])
        {
            var parts = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
            {
                caa.Add(new CaaRecord(flags, parts[1], parts[2].Trim('"')));
                records.Add(ZoneRecord.Caa(domain, (uint)(observations.Dns!.Caa!.Ttl ?? 3600), flags, parts[1], parts[2]));
            }
        }

        var ca = report.Layers.SelectMany(l => l.Dependencies).FirstOrDefault(d => d.Service == ServiceKind.Ca);
        var caOwner = ca is null ? null : SiteModelBuilder.CompanyOf(ca);
        return new PlanInputs
        {
            ZoneRecords = records,
            CurrentCaa = caa,
            CurrentCaIssuer = ca is null ? null : CaaIdentifiers.GetValueOrDefault(ca.Entity.Id) ?? CaaIdentifiers.GetValueOrDefault(caOwner!),
            IodefContact = "mailto:security@" + domain,
            CurrentMx = mx,
            CaCandidates = Candidates(catalog, ServiceKind.Ca, report, provider => CaaIdentifiers.GetValueOrDefault(provider.CompanyId)),
            BackupMxCandidates = Candidates(catalog, ServiceKind.Mail, report, provider => provider.Planning?.BackupMx),
            DnsCandidates = Candidates(catalog, ServiceKind.Dns, report, secondary: true),
            CdnCandidates = Candidates(catalog, ServiceKind.Cdn, report),
            HostingCandidates = Candidates(catalog, ServiceKind.Hosting, report),
            RegistrarCandidates = Candidates(catalog, ServiceKind.Registrar, report),
            RevenueAlternatives = ServiceKinds.RevenuePaths.ToDictionary(service => service.RevenueFunctionId(), service => (IReadOnlyList<ProviderCandidate>)Candidates(catalog, service, report), StringComparer.Ordinal),
            Facts = RecoveryFactsReader.Read(report),
        };
    }

    /// <summary>Providers of a service whose owner is none of the companies the site already uses for it.</summary>
    /// <summary>
    /// Providers of a service whose owner is none of the companies the site already uses for it. With
    /// <paramref name="value"/>, those that give an artifact its value come first (the rest still serve as
    /// alternatives); with <paramref name="secondary"/>, those that publish their secondary nameservers come first.
    /// </summary>
    private static List<ProviderCandidate> Candidates(
        ProviderCatalog catalog, ServiceKind service, AuditReport report, Func<Provider, string?>? value = null, bool secondary = false)
    {
        var used = report.Layers.SelectMany(l => l.Dependencies).Where(d => d.Service == service).Select(SiteModelBuilder.CompanyOf).ToHashSet(StringComparer.Ordinal);
        return catalog.ProvidersOf(service.ToWord())
            .Where(provider => !used.Contains(catalog.UltimateParent(provider.CompanyId).Id))
            .Select(provider => new ProviderCandidate(
                catalog.UltimateParent(provider.CompanyId).Id,
                provider.Name,
                value?.Invoke(provider),
                Hosts: secondary && provider.Planning is { SecondaryNameServers.Count: > 0 } planning ? planning.SecondaryNameServers : null,
                Source: provider.Planning?.Source))
            .OrderBy(candidate => candidate.Value is null && candidate.Hosts is null)
            .Where(candidate => !candidate.Name.Contains("(closed)", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(candidate => candidate.CompanyId)
            .Take(8)
            .ToList();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\" \"", "", StringComparison.Ordinal) : value;
}
