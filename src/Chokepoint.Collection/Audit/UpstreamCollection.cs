using System.Collections.Concurrent;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Tls;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Tls;

namespace Chokepoint.Collection.Audit;

/// <summary>
/// The indirect dependencies of one collection: the zones (and their nameservers) holding the CNAME targets of
/// the site's hosts and its mail exchangers, and the hosts of the certificates' OCSP responders with the zones holding them. Each piece
/// starts as soon as what it needs is known; a name is looked up once per reason and an OCSP host resolved once,
/// however many sources name it. Thread-safe.
/// </summary>
internal sealed class UpstreamCollection(
    string domain,
    HostCollector hosts,
    ZoneCollector zones,
    Func<string, string?, Func<Task<Collected<ZoneObservation>>>, Task<Collected<ZoneObservation>>> guardZone,
    Func<string, string?, Func<Task<Collected<HostObservation>>>, Task<Collected<HostObservation>>> guardHost,
    CancellationToken token)
{
    /// <summary>Why a CNAME target's zone was looked at.</summary>
    public const string CnameReason = "cname";

    /// <summary>Why an OCSP responder host's zone was looked at.</summary>
    public const string OcspReason = "ocsp";

    /// <summary>Why a mail exchanger's zone was looked at.</summary>
    public const string MxReason = "mx";

    private readonly ConcurrentDictionary<(string Name, string Reason), Lazy<Task<Collected<ZoneObservation>>>> zoneLookups = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<Collected<HostObservation>>>> ocspHosts = new(StringComparer.Ordinal);

    /// <summary>Looks up the zones of the CNAME targets of a site host that lie outside the site, once the host is known.</summary>
    public async Task CnameZonesAsync(Task<Collected<HostObservation>> hostTask)
    {
        if ((await hostTask).Value is not { } host)
        {
            return;
        }

        await Task.WhenAll(host.CnameChain.Where(n => !InSite(n)).Select(n => ZoneAsync(n, CnameReason)));
    }

    /// <summary>Looks up the zones of the mail exchangers outside the site (a null MX has none), once the MX set is known.</summary>
    public async Task MxZonesAsync(Task<Collected<MailObservation>> mailTask)
    {
        if ((await mailTask).Value is not { } mail)
        {
            return;
        }

        var exchangers = mail.Mx.Select(mx => DnsPresentation.Host(mx.Host)).Where(host => host.Length > 0 && !InSite(host)).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(exchangers.Select(host => ZoneAsync(host, MxReason)));
    }

    /// <summary>Resolves the OCSP responder hosts of a leaf certificate (and finds their zones), once the chain is known.</summary>
    public async Task OcspAsync(Task<Collected<TlsObservation>?> tlsTask)
    {
        if ((await tlsTask)?.Value?.Chain is not [var leaf, ..])
        {
            return;
        }

        await Task.WhenAll(CertificateReader.OcspHosts(leaf).Select(h => ocspHosts.GetOrAdd(h, key => new(() => ResolveOcspAsync(key))).Value));
    }

    /// <summary>
    /// What was found, once every started lookup has ended: OCSP hosts and zones ordered by name (zones of CNAME
    /// targets first), one zone per zone and reason with its names merged, and every gap.
    /// </summary>
    public async Task<(List<HostObservation> OcspHosts, List<ZoneObservation> Zones, List<Unobserved> Unobserved)> FinishAsync()
    {
        var hostResults = await Task.WhenAll(ocspHosts.Values.Select(l => l.Value));
        var zoneResults = await Task.WhenAll(zoneLookups.Values.Select(l => l.Value));
        var found = ZoneCollector.Merge(zoneResults.Select(z => z.Value).OfType<ZoneObservation>())
            .Select(z => z with { Names = [.. z.Names.Order(StringComparer.Ordinal)] })
            .OrderBy(z => z.Reason == CnameReason ? 0 : 1)
            .ThenBy(z => z.Reason, StringComparer.Ordinal)
            .ThenBy(z => z.Zone, StringComparer.Ordinal)
            .ToList();
        var gaps = hostResults.SelectMany(h => h.Unobserved)
            .Concat(zoneResults.SelectMany(z => z.Unobserved))
            .OrderBy(g => g.What, StringComparer.Ordinal)
            .ThenBy(g => g.Reason, StringComparer.Ordinal)
            .ToList();
        var resolved = hostResults.Select(h => h.Value).OfType<HostObservation>().OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        return (resolved, found, gaps);
    }

    private bool InSite(string name) =>
        name == domain || name.EndsWith("." + domain, StringComparison.Ordinal);

    private Task<Collected<ZoneObservation>> ZoneAsync(string name, string reason) =>
        zoneLookups.GetOrAdd(
            (DnsPresentation.Host(name), reason),
            key => new(() => guardZone(GapKeys.ForUpstreamZone(key.Reason), key.Name, () => zones.FindZoneAsync(key.Name, key.Reason, token)))).Value;

    private async Task<Collected<HostObservation>> ResolveOcspAsync(string host)
    {
        // The responder host's own zone does not depend on its addresses: ask for both at once.
        var ownZone = ZoneAsync(host, OcspReason);
        var collected = await guardHost(GapKeys.HostOcsp, host, () => hosts.CollectAsync(host, OcspReason, token));
        var chain = collected.Value?.CnameChain ?? [];
        await Task.WhenAll(chain.Select(n => ZoneAsync(n, OcspReason)).Append(ownZone));
        return collected;
    }
}
