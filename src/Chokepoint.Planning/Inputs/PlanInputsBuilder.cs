using System.Net;
using System.Net.Sockets;
using Chokepoint.Analysis.Recovery;
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
    /// <summary>The plan's inputs from one audit: its observations, its attributed report and the catalog.</summary>
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
        var notSeen = new List<string>();
        foreach (var host in observations.Hosts.Where(h => h.Role != "ocsp" && (HostName.Same(h.Name, domain) || HostName.Normalize(h.Name).EndsWith("." + domain, StringComparison.Ordinal))))
        {
            var ttl = (uint)Math.Clamp(host.Ttl ?? 300, 0, int.MaxValue);
            if (host.CnameChain.Count > 0)
            {
                records.Add(ZoneRecord.Cname(host.Name, ttl, host.CnameChain[0]));
                continue;
            }

            foreach (var address in host.Addresses)
            {
                // The records are built from values that parse; anything else is named, not written.
                if (!IPAddress.TryParse(address.Ip, out var ip))
                {
                    notSeen.Add($"{host.Name}: an address that is not an IP address was left out");
                    continue;
                }

                records.Add(ip.AddressFamily == AddressFamily.InterNetworkV6 ? ZoneRecord.Aaaa(host.Name, ttl, ip.ToString()) : ZoneRecord.A(host.Name, ttl, ip.ToString()));
            }
        }

        notSeen.AddRange(observations.Unobserved
            .Where(gap => gap.Subject.StartsWith("host.", StringComparison.Ordinal) || gap.Subject.StartsWith("dns.", StringComparison.Ordinal) || gap.Subject.StartsWith("mail.", StringComparison.Ordinal))
            .Select(gap => $"{gap.What}{(gap.Target is null ? "" : " (" + gap.Target + ")")}: {gap.Reason}")
            .Distinct(StringComparer.Ordinal));

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
            if (CaaRecord.FromPresentation(value) is { } record)
            {
                caa.Add(record);
                records.Add(record.ToZoneRecord(domain, (uint)Math.Clamp(observations.Dns!.Caa!.Ttl ?? 3600, 0, int.MaxValue)));
            }
            else
            {
                notSeen.Add("a CAA record that is not in presentation form (flags tag \"value\") was left out");
            }
        }

        var ca = report.Layers.SelectMany(l => l.Dependencies).FirstOrDefault(d => d.Service == ServiceKind.Ca);
        var caOwner = ca is null ? null : SiteModelBuilder.CompanyOf(ca);
        return new PlanInputs
        {
            States = report.Status,
            ZoneRecords = records,
            CurrentCaa = caa,
            CurrentCaIssuer = ca is null ? null : CaaIssuerDomains.Preferred(ca.Entity.Id) ?? CaaIssuerDomains.Preferred(caOwner),
            // Only a mailbox the site publishes (an iodef it already has); otherwise the plan writes a marked placeholder.
            IodefContact = caa.FirstOrDefault(r => string.Equals(r.Tag, "iodef", StringComparison.OrdinalIgnoreCase))?.Value,
            NotSeen = notSeen,
            CurrentMx = mx,
            CaCandidates = Candidates(catalog, ServiceKind.Ca, report, provider => CaaIssuerDomains.Preferred(provider.CompanyId)),
            BackupMxCandidates = Candidates(catalog, ServiceKind.Mail, report, provider => provider.Planning?.BackupMx),
            DnsCandidates = Candidates(catalog, ServiceKind.Dns, report, secondary: true),
            NotServingDns = NotServingDns(report),
            CdnCandidates = Candidates(catalog, ServiceKind.Cdn, report),
            HostingCandidates = Candidates(catalog, ServiceKind.Hosting, report),
            RegistrarCandidates = Candidates(catalog, ServiceKind.Registrar, report),
            RevenueAlternatives = ServiceKinds.RevenuePaths.ToDictionary(service => service.RevenueFunctionId(), service => (IReadOnlyList<ProviderCandidate>)RevenueCandidates(catalog, service, report), StringComparer.Ordinal),
            Facts = RecoveryFactsReader.Read(report),
        };
    }

    /// <summary>The site's DNS operators whose every nameserver is lame or unreachable (<see cref="ZoneServing.NotServing"/>).</summary>
    private static List<NotServingOperator> NotServingDns(AuditReport report)
    {
        var dns = report.Layers.Where(l => l.Layer == Layer.Dns).SelectMany(l => l.Dependencies).ToList();
        var notServing = ZoneServing.NotServing(dns);
        return [.. dns.Where(d => notServing.Contains(SiteModelBuilder.CompanyOf(d)))
            .Select(d => new NotServingOperator(SiteModelBuilder.CompanyOf(d), d.Provider ?? d.Entity.Name, [.. d.Facts?.Delegation?.NameServers.Select(ns => ns.Host) ?? []]))];
    }

    /// <summary>
    /// Alternatives for a revenue path. For ads, only publisher-side ad systems (SSPs, exchanges, header-bidding
    /// partners, publisher ad networks: <see cref="AdSide.Publisher"/>) of the <c>ads</c> and <c>ad-exchange</c>
    /// services, never advertiser-side tools (DSPs, conversion pixels), which pay nothing to a site.
    /// </summary>
    private static List<ProviderCandidate> RevenueCandidates(ProviderCatalog catalog, ServiceKind service, AuditReport report)
    {
        if (service != ServiceKind.Ads)
        {
            return Candidates(catalog, service, report);
        }

        return [.. Candidates(catalog, ServiceKind.Ads, report, include: p => p.AdSide == AdSide.Publisher, take: 16)
            .Concat(Candidates(catalog, ServiceKind.AdExchange, report, include: p => p.AdSide == AdSide.Publisher, take: 16))
            .DistinctBy(c => c.CompanyId)
            .Take(8)];
    }

    /// <summary>
    /// Providers of a service whose owner is none of the companies the site already uses for it. With
    /// <paramref name="value"/>, those that give an artifact its value come first (the rest still serve as
    /// alternatives); with <paramref name="secondary"/>, those that publish their secondary nameservers come first.
    /// </summary>
    private static List<ProviderCandidate> Candidates(
        ProviderCatalog catalog, ServiceKind service, AuditReport report, Func<Provider, string?>? value = null, bool secondary = false,
        Func<Provider, bool>? include = null, int take = 8)
    {
        var used = report.Layers.SelectMany(l => l.Dependencies).Where(d => d.Service == service).Select(SiteModelBuilder.CompanyOf).ToHashSet(StringComparer.Ordinal);
        return catalog.ProvidersOf(service.ToWord())
            .Where(provider => !used.Contains(catalog.UltimateParent(provider.CompanyId).Id))
            // Retired and distrusted providers stay recognisable in observations but are never proposed.
            .Where(provider => provider.CurrentStatus.CanBeProposed && (include is null || include(provider)))
            // Parking services and a registry's own DNS for its TLDs only are proposed to no one, or only under those TLDs.
            .Where(provider => provider.ProposableTo(report.Domain))
            .Select(provider => new ProviderCandidate(
                catalog.UltimateParent(provider.CompanyId).Id,
                provider.Name,
                value?.Invoke(provider),
                Hosts: secondary && provider.Planning is { SecondaryNameServers.Count: > 0 } planning ? planning.SecondaryNameServers : null,
                Source: provider.Planning?.Source))
            .OrderBy(candidate => candidate.Value is null && candidate.Hosts is null)
            .DistinctBy(candidate => candidate.CompanyId)
            .Take(take)
            .ToList();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\" \"", "", StringComparison.Ordinal) : value;
}
