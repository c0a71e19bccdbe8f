using System.Net;
using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Page;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Registration;
using Chokepoint.Observations.Tls;

namespace Chokepoint.Collection.Session;

/// <summary>
/// Every collector a site audit runs, in one list: each records what it finds in the <see cref="SiteScope"/>, which
/// guards it against the budget and assembles the observations. All start at once; a collector that needs another's
/// result (TLS needs the host's addresses, the upstream zones need the hosts, certificates and mail) asks the scope
/// for it and waits. Adding a collector is one entry here.
/// </summary>
internal static class SiteCollectors
{
    /// <summary>Labels probed for a directly reachable origin (a miss is expected and not reported).</summary>
    public static IReadOnlyList<string> OriginNames { get; } = ["origin", "direct"];

    /// <summary>The collectors of a site audit.</summary>
    public static IReadOnlyList<Func<SiteScope, Task>> All { get; } =
    [
        Registration,
        Delegation,
        NameServerDomains,
        SiteHosts,
        Mail,
        Web,
        Page,
        Upstream,
    ];

    private static readonly SiteHost[] WebHosts =
    [
        new("apex", SiteSlot.ApexHost, SiteSlot.ApexTls, SiteSlot.ApexHttp),
        new("www", SiteSlot.WwwHost, SiteSlot.WwwTls, SiteSlot.WwwHttp),
    ];

    /// <summary>The web entry point given beside the domain (a host under it, neither apex nor www): a host of role "page".</summary>
    private static readonly SiteHost EntryHost = new("page", SiteSlot.EntryHost, SiteSlot.EntryTls, SiteSlot.EntryHttp);

    /// <summary>The site's web hosts: apex and www, and the entry point when it is another host.</summary>
    private static SiteHost[] WebHostsOf(SiteScope site) =>
        site.EntryPoint is { } entry && entry != "www." + site.Domain ? [.. WebHosts, EntryHost] : WebHosts;

    private static async Task Registration(SiteScope site) => await RegistrationAsync(site);

    private static Task<RegistrationObservation?> RegistrationAsync(SiteScope site) =>
        site.Once("registration", () => site.Run(SiteSlot.Registration, GapKeys.Rdap, site.Domain, () => site.Session.Rdap.LookupDomainAsync(site.Domain, site.Deadline, site.Token)));

    private static async Task Delegation(SiteScope site) => await DelegationAsync(site);

    private static Task<DnsObservation?> DelegationAsync(SiteScope site) =>
        site.Once("delegation", () => site.Run(SiteSlot.Delegation, GapKeys.Dns, site.Domain, () => new DnsCollector(site.Dns, site.Annotator).CollectAsync(site.Domain, site.Token)));

    /// <summary>
    /// The RDAP registrations of the other domains holding the site's nameservers (NameServerDomains), once the
    /// nameservers are known: those of the DNS, else those RDAP lists at the parent, as attribution takes them.
    /// </summary>
    private static async Task NameServerDomains(SiteScope site)
    {
        if (site.Request.RegistrableDomainOf is not { } registrableDomainOf)
        {
            return;
        }

        var dns = await DelegationAsync(site);
        var hosts = dns is { NameServers.Count: > 0 } ? dns.NameServers.Select(ns => ns.Host) : (await RegistrationAsync(site))?.NameServers ?? [];
        var (chosen, leftOver) = Audit.NameServerDomains.Choose(site.Domain, hosts, registrableDomainOf, site.Request.IsKnownNameServer);
        var lookups = await Task.WhenAll(chosen.Select(async choice =>
        {
            var lookup = await site.Guard(GapKeys.RdapNameServer, () => site.Session.Rdap.LookupDomainAsync(choice.Domain, site.Deadline, site.Token), choice.Domain);
            return Audit.NameServerDomains.Of(choice.Domain, choice.NameServers, lookup);
        }));
        site.Record(
            SiteSlot.NameServerDomains,
            0,
            [new NameServerDomainSet([.. lookups.Select(l => l.Value).OfType<NameServerDomainObservation>()])],
            [.. lookups.SelectMany(l => l.Unobserved), .. leftOver.Select(Audit.NameServerDomains.LeftOverGap)]);
    }

    private static async Task SiteHosts(SiteScope site) =>
        await Task.WhenAll(WebHostsOf(site).Select(h => HostAsync(site, h)).Concat(OriginNames.Select((_, i) => OriginAsync(site, i))));

    private static async Task Mail(SiteScope site) => await MailAsync(site);

    private static Task Web(SiteScope site) =>
        Task.WhenAll(WebHostsOf(site).SelectMany(host => new[] { TlsAsync(site, host), HttpAsync(site, host) }));

    private static async Task Page(SiteScope site)
    {
        var request = site.Request;
        if (!request.CollectPage && request.PageCollector is null)
        {
            return;
        }

        var collector = request.PageCollector ?? ((context, token) =>
            new PageCollector(context.Http, request.EffectivePageOptions(site.Session.Settings), context.Time).CollectAsync(context.StartUrl, context.Domain, request.Har, token));
        await site.Run(SiteSlot.Page, GapKeys.Page, site.Domain, async () =>
        {
            var apex = await HostAsync(site, WebHosts[0]);
            var www = await HostAsync(site, WebHosts[1]);
            // The entry point given is where a reader arrives: the pages are fetched from there, as they are served there.
            var entry = site.EntryPoint is null ? null
                : site.EntryPoint == "www." + site.Domain ? www
                : await HostAsync(site, EntryHost);
            var start = site.EntryPoint is { } entryName ? (entry is { Addresses.Count: > 0 } ? $"https://{entryName}/" : null)
                : apex is { Addresses.Count: > 0 } ? $"https://{site.Domain}/"
                : www is { Addresses.Count: > 0 } ? $"https://www.{site.Domain}/"
                : null;
            if (start is null)
            {
                // The names answered with no address: a fact (the site serves no web pages there), not a failed probe. A
                // lookup that failed leaves the pages unseen.
                var seen = site.EntryPoint is null ? apex is not null && www is not null : entry is not null;
                var why = site.EntryPoint is { } given
                    ? seen ? $"the web entry point {given} has no address: no web pages are served there" : $"not fetched: the address of the web entry point {given} was not observed"
                    : seen ? "neither the apex nor www has an address: the site serves no web pages" : "not fetched: the addresses of the apex and www were not observed";
                var gap = Unobserved.Of(GapKeys.Page, seen ? GapKind.NoData : GapKind.NotCollected, why, site.EntryPoint ?? site.Domain);
                return new Collected<Observations.Page.PageObservation> { Unobserved = [gap] };
            }

            var context = new PageCollectionContext
            {
                Domain = site.Domain,
                StartUrl = new Uri(start),
                Profile = site.Session.Settings.Network,
                Http = site.Session.Http,
                Dns = site.Dns,
                Time = site.Session.Time,
                Hosts = new[] { apex, www, entry }.OfType<HostObservation>().Distinct().ToList(),
            };
            var page = await collector(context, site.Token);
            return new Collected<Observations.Page.PageObservation> { Value = page, Unobserved = page is null ? [] : PageCollector.ProbeGaps(page) };
        });
    }

    private static async Task Upstream(SiteScope site)
    {
        var upstream = new UpstreamCollection(
            site.Domain, site.Hosts, new ZoneCollector(site.Dns), (subject, target, run) => site.Guard(subject, run, target), (subject, target, run) => site.Guard(subject, run, target), site.Token);
        var hosts = WebHostsOf(site).Select(h => HostAsync(site, h)).Concat(OriginNames.Select((_, i) => OriginAsync(site, i)));
        await Task.WhenAll(
            Task.WhenAll(hosts.Select(h => upstream.CnameZonesAsync(Collect(h)))),
            Task.WhenAll(WebHostsOf(site).Select(h => upstream.OcspAsync(CollectOrNull(TlsAsync(site, h))))),
            upstream.MxZonesAsync(Collect(MailAsync(site))));
        var (ocspHosts, zones, gaps) = await upstream.FinishAsync();
        site.Record(SiteSlot.Upstream, 0, [.. ocspHosts, .. zones], gaps);
    }

    private static Task<HostObservation?> HostAsync(SiteScope site, SiteHost host) =>
        site.Once("host." + host.Role, () => site.Run(host.Slot, GapKeys.ForHost(host.Role), Name(site, host), () => site.Hosts.CollectAsync(Name(site, host), host.Role, site.Token)));

    /// <summary>An origin host: recorded only when it has addresses, and never a gap (a miss is expected).</summary>
    private static Task<HostObservation?> OriginAsync(SiteScope site, int index) =>
        site.Once("host.origin." + index, async () =>
        {
            var origin = (await site.Guard(GapKeys.HostOrigin, () => site.Hosts.CollectAsync(OriginNames[index] + "." + site.Domain, "origin", site.Token), OriginNames[index] + "." + site.Domain)).Value;
            site.Record(SiteSlot.OriginHosts, index, origin is { Addresses.Count: > 0 } ? [origin] : [], []);
            return origin;
        });

    private static Task<MailObservation?> MailAsync(SiteScope site) =>
        site.Once("mail", () => site.Run(SiteSlot.Mail, GapKeys.Mail, site.Domain, () => new MailCollector(site.Dns, site.Annotator).CollectAsync(site.Domain, site.Token)));

    /// <summary>The handshake with a site host once its addresses are known; null (not tried) when it has none.</summary>
    private static Task<TlsObservation?> TlsAsync(SiteScope site, SiteHost host) =>
        site.Once("tls." + host.Role, async () =>
        {
            if (await HostAsync(site, host) is not { Addresses.Count: > 0 } resolved)
            {
                return null;
            }

            var address = IPAddress.Parse(resolved.Addresses[0].Ip);
            return await site.Run(host.TlsSlot, GapKeys.Tls, resolved.Name, () => site.Session.Tls.CollectAsync(resolved.Name, address, site.Token));
        });

    private static async Task HttpAsync(SiteScope site, SiteHost host)
    {
        if (await HostAsync(site, host) is { Addresses.Count: > 0 } resolved)
        {
            var url = new Uri($"https://{resolved.Name}/");
            await site.Run(host.HttpSlot, GapKeys.Http, url.ToString(), () => site.Session.Web.CollectAsync(url, site.Token));
        }
    }

    private static string Name(SiteScope site, SiteHost host) => host.Role switch
    {
        "apex" => site.Domain,
        "page" => site.EntryPoint ?? site.Domain,
        _ => host.Role + "." + site.Domain,
    };

    private static async Task<Collected<T>> Collect<T>(Task<T?> value)
        where T : class => new() { Value = await value };

    private static async Task<Collected<T>?> CollectOrNull<T>(Task<T?> value)
        where T : class => await value is { } found ? new Collected<T> { Value = found } : null;

    private sealed record SiteHost(string Role, SiteSlot Slot, SiteSlot TlsSlot, SiteSlot HttpSlot);
}
