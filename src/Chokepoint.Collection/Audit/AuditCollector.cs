using System.Globalization;
using System.Net;
using System.Reflection;
using Chokepoint.Collection.Asn;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Http;
using Chokepoint.Collection.Rdap;
using Chokepoint.Collection.Tls;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Network;
using Chokepoint.Observations.Page;
using Chokepoint.Observations.Tls;
using Chokepoint.Observations.Web;

namespace Chokepoint.Collection.Audit;

/// <summary>
/// Collects everything about one site under one time budget: RDAP, the DNS delegation and zone, the apex and www
/// hosts and mail run at once; TLS, HTTP and the page collector start for each host as soon as its addresses are
/// known; the zones of the hosts' CNAME targets as soon as their chains are known, and the certificate's OCSP
/// responder host (and its zones) as soon as the chain is. Network trouble never throws: each failure is an
/// <see cref="Unobserved"/> entry with its reason, and work not finished within the budget is reported as such. Only the caller's cancellation throws
/// (<see cref="OperationCanceledException"/>).
/// </summary>
public sealed class AuditCollector(TimeProvider time)
{
    /// <summary>Labels probed for a directly reachable origin (a miss is expected and not reported).</summary>
    public static IReadOnlyList<string> OriginNames { get; } = ["origin", "direct"];

    /// <summary>A collector on the system clock.</summary>
    public AuditCollector()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Collects the observations of <paramref name="domain"/> through <paramref name="profile"/>.</summary>
    public async Task<SiteObservations> CollectAsync(
        string domain, NetworkProfile profile, CollectionOptions options, CancellationToken cancellationToken)
    {
        var name = Normalise(domain);
        var collectedAt = time.GetUtcNow();
        using var budget = new ProbeTimer(options.Timeout, time, cancellationToken);
        var token = budget.Token;
        var budgetReason = string.Create(
            CultureInfo.InvariantCulture, $"not finished within the {options.Timeout.TotalSeconds:0.###} s collection budget");

        var gaps = new GapList();
        var dns = new DnsLookup(profile, time, options.DnsQueryTimeout);
        var annotator = CreateAnnotator(profile, options, dns, gaps);
        using var handler = WebTransport.CreateHandler(profile, dns, options.TlsTimeout);
        using var http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var rdap = new RdapClient(http, time, new RdapClientOptions
        {
            Bootstrap = options.RdapBootstrap,
            BootstrapUrl = profile.RdapBootstrap is { Length: > 0 } url ? new Uri(url) : null,
            RequestTimeout = options.RdapTimeout,
        });
        var hosts = new HostCollector(dns, annotator);
        var tls = new TlsCollector(profile, dns, time, new TlsCollectorOptions { Timeout = options.TlsTimeout });
        var web = new HttpCollector(http, time, new HttpCollectorOptions { Timeout = options.HttpTimeout, MaxRedirects = options.MaxRedirects });

        Task<Collected<T>> Guarded<T>(string subject, Func<Task<Collected<T>>> run, string? target = null)
            where T : class => GuardAsync(subject, target, run, budgetReason, cancellationToken);

        var registrationTask = Guarded(GapKeys.Rdap, () => rdap.LookupDomainAsync(name, token), name);
        var dnsTask = Guarded(GapKeys.Dns, () => new DnsCollector(dns, annotator).CollectAsync(name, token), name);
        var mailTask = Guarded(GapKeys.Mail, () => new MailCollector(dns, annotator).CollectAsync(name, token), name);
        var apexTask = Guarded(GapKeys.HostApex, () => hosts.CollectAsync(name, "apex", token), name);
        var wwwTask = Guarded(GapKeys.HostWww, () => hosts.CollectAsync("www." + name, "www", token), "www." + name);

        // Names that commonly point straight at the origin behind a CDN; a miss is expected and not a gap.
        var originTasks = OriginNames.Select(label => Guarded(GapKeys.HostOrigin, () => hosts.CollectAsync(label + "." + name, "origin", token), label + "." + name)).ToList();

        async Task<HostObservation?> AddressedAsync(Task<Collected<HostObservation>> hostTask) =>
            (await hostTask).Value is { Addresses.Count: > 0 } host ? host : null;

        async Task<Collected<TlsObservation>?> TlsAsync(Task<Collected<HostObservation>> hostTask)
        {
            if (await AddressedAsync(hostTask) is not { } host)
            {
                return null;
            }

            var address = IPAddress.Parse(host.Addresses[0].Ip);
            return await Guarded(GapKeys.Tls, () => tls.CollectAsync(host.Name, address, token), host.Name);
        }

        async Task<Collected<HttpObservation>?> HttpAsync(Task<Collected<HostObservation>> hostTask) =>
            await AddressedAsync(hostTask) is { } host
                ? await Guarded(GapKeys.Http, () => web.CollectAsync(new Uri($"https://{host.Name}/"), token), $"https://{host.Name}/")
                : null;

        var apexTlsTask = TlsAsync(apexTask);
        var apexHttpTask = HttpAsync(apexTask);
        var wwwTlsTask = TlsAsync(wwwTask);
        var wwwHttpTask = HttpAsync(wwwTask);
        var upstream = new UpstreamCollection(name, hosts, new ZoneCollector(dns), (subject, run) => Guarded(subject, run), (subject, run) => Guarded(subject, run), token);
        var cnameZonesTask = Task.WhenAll(originTasks.Prepend(wwwTask).Prepend(apexTask).Select(upstream.CnameZonesAsync));
        var ocspTask = Task.WhenAll(upstream.OcspAsync(apexTlsTask), upstream.OcspAsync(wwwTlsTask));
        var mxZonesTask = upstream.MxZonesAsync(mailTask);
        var pageTask = options.PageCollector is { } pageCollector
            ? Guarded(GapKeys.Page, () => CollectPageAsync(pageCollector, name, profile, http, dns, apexTask, wwwTask, token), name)
            : Task.FromResult(new Collected<PageObservation>());

        var registration = await registrationTask;
        var dnsResult = await dnsTask;
        var apex = await apexTask;
        var www = await wwwTask;
        var mail = await mailTask;
        var webResults = new[] { (Tls: await apexTlsTask, Http: await apexHttpTask), (Tls: await wwwTlsTask, Http: await wwwHttpTask) };
        var page = await pageTask;
        var origins = (await Task.WhenAll(originTasks)).Select(o => o.Value).Where(o => o is { Addresses.Count: > 0 }).OfType<HostObservation>();
        await cnameZonesTask;
        await ocspTask;
        await mxZonesTask;
        var upstreamResult = await upstream.FinishAsync();

        gaps.AddRange(registration.Unobserved);
        gaps.AddRange(dnsResult.Unobserved);
        gaps.AddRange(apex.Unobserved);
        gaps.AddRange(www.Unobserved);
        gaps.AddRange(mail.Unobserved);
        foreach (var (tlsResult, httpResult) in webResults)
        {
            gaps.AddRange(tlsResult?.Unobserved ?? []);
            gaps.AddRange(httpResult?.Unobserved ?? []);
        }

        gaps.AddRange(page.Unobserved);
        gaps.AddRange(upstreamResult.Unobserved);
        return new SiteObservations
        {
            Domain = name,
            CollectedAt = collectedAt,
            Network = profile.Name,
            ToolVersion = options.ToolVersion ?? DefaultToolVersion(),
            Registration = registration.Value,
            Dns = dnsResult.Value,
            Hosts = new[] { apex.Value, www.Value }.OfType<HostObservation>().Concat(origins).Concat(upstreamResult.OcspHosts).ToList(),
            Tls = webResults.Select(w => w.Tls?.Value).OfType<TlsObservation>().ToList(),
            Http = webResults.Select(w => w.Http?.Value).OfType<HttpObservation>().ToList(),
            UpstreamZones = upstreamResult.Zones,
            Mail = mail.Value,
            Page = page.Value,
            Unobserved = gaps.ToList(),
        };
    }

    /// <summary>Lowercase, no trailing dot, internationalised labels in punycode.</summary>
    public static string Normalise(string domain)
    {
        var trimmed = domain.Trim().TrimEnd('.');
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = uri.Host;
        }

        try
        {
            return new IdnMapping().GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return trimmed.ToLowerInvariant();
        }
    }

    private async Task<Collected<PageObservation>> CollectPageAsync(
        Func<PageCollectionContext, CancellationToken, Task<PageObservation>> collector,
        string domain,
        NetworkProfile profile,
        HttpClient http,
        DnsLookup dns,
        Task<Collected<HostObservation>> apexTask,
        Task<Collected<HostObservation>> wwwTask,
        CancellationToken cancellationToken)
    {
        var apex = (await apexTask).Value;
        var www = (await wwwTask).Value;
        var start = apex is { Addresses.Count: > 0 } ? $"https://{domain}/"
            : www is { Addresses.Count: > 0 } ? $"https://www.{domain}/"
            : null;
        if (start is null)
        {
            return new Collected<PageObservation> { Unobserved = [Unobserved.Of(GapKeys.Page, GapKind.NotCollected, "neither the apex nor www has an address", domain)] };
        }

        var context = new PageCollectionContext
        {
            Domain = domain,
            StartUrl = new Uri(start),
            Profile = profile,
            Http = http,
            Dns = dns,
            Time = time,
            Hosts = new[] { apex, www }.OfType<HostObservation>().ToList(),
        };
        return new Collected<PageObservation> { Value = await collector(context, cancellationToken) };
    }

    /// <summary>
    /// The boundary: the budget running out becomes a gap (<see cref="GapKind.BudgetSpent"/>); the caller's
    /// cancellation propagates; anything else a collector throws becomes a gap with its message
    /// (<see cref="GapKind.Failed"/>) rather than losing the whole collection.
    /// </summary>
    private static async Task<Collected<T>> GuardAsync<T>(
        string subject, string? target, Func<Task<Collected<T>>> run, string budgetReason, CancellationToken callerToken)
        where T : class
    {
        try
        {
            return await run();
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            return new Collected<T> { Unobserved = [Unobserved.Of(subject, GapKind.BudgetSpent, budgetReason, target)] };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new Collected<T> { Unobserved = [Unobserved.Of(subject, GapKind.Failed, $"collector failed: {FailureText.Describe(exception)}", target)] };
        }
    }

    private static AddressAnnotator CreateAnnotator(NetworkProfile profile, CollectionOptions options, DnsLookup dns, GapList gaps)
    {
        var cymru = options.UseCymruDns ? new CymruAsnLookup(dns) : null;
        var database = options.AsnDatabase;
        string? missing = null;
        if (database is null && profile.AsnDatabase is { Length: > 0 } path)
        {
            try
            {
                database = AsnDatabase.Open(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                missing = $"IP-to-ASN data set {path} unreadable: {exception.Message}";
                gaps.Add(Unobserved.Of(GapKeys.Asn, GapKind.NotCollected, missing, path));
            }
        }

        return database is null && cymru is null
            ? new AddressAnnotator(null, null, missing ?? "no IP-to-ASN data set loaded")
            : new AddressAnnotator(database, cymru, missing);
    }

    private static string DefaultToolVersion() =>
        typeof(AuditCollector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
