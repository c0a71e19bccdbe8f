using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Page;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Session;

/// <summary>What to collect about one site through a <see cref="CollectionSession"/>.</summary>
public sealed record SiteCollectionRequest
{
    /// <summary>The site's whole budget; what is not finished by then is reported as unobserved ("budget-spent").</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The web entry point: a host under the audited domain the page collection starts from (and whose address,
    /// certificate and response are collected too, as a host of role "page", when it is neither the apex nor www).
    /// Null: the apex, or www when the apex has no address.
    /// </summary>
    public string? EntryPoint { get; init; }

    /// <summary>Whether to run the page collector (landing page resources, links, ads.txt).</summary>
    public bool CollectPage { get; init; }

    /// <summary>A browser's HAR capture of the site, merged into the page observation; only with <see cref="CollectPage"/>.</summary>
    public HarCapture? Har { get; init; }

    /// <summary>
    /// Limits of the page collector; when null, 80 % of <see cref="Timeout"/> for all pages and half of it (at most
    /// 10 s) for each, a quarter of it (at most 5 s) for each third-party host's probe, and
    /// <see cref="CollectionSettings.MaxProbedHosts"/> hosts probed.
    /// </summary>
    public PageCollectorOptions? PageOptions { get; init; }

    /// <summary>
    /// The registrable domain of a host (by the public suffix list), for choosing the domains holding the site's
    /// nameservers whose RDAP registration is looked up. Null: they are not looked up (the observations' member
    /// <c>nameServerDomains</c> stays null, "not collected").
    /// </summary>
    public Func<string, string?>? RegistrableDomainOf { get; init; }

    /// <summary>Whether a nameserver host is a known provider's (the catalog's): its domain's registration is not looked up.</summary>
    public Func<string, bool>? IsKnownNameServer { get; init; }

    /// <summary>Told as each collector ends (from the collectors' threads, so it must be thread-safe); null for no progress.</summary>
    public IProgress<CollectionProgress>? Progress { get; init; }

    /// <summary>A page collector in place of the built-in one (<see cref="CollectionOptions.PageCollector"/>); it runs whatever <see cref="CollectPage"/> says.</summary>
    internal Func<PageCollectionContext, CancellationToken, Task<PageObservation>>? PageCollector { get; init; }

    /// <summary>The page collector's limits for this request; the third-party hosts probed from <paramref name="settings"/> unless <see cref="PageOptions"/> are given.</summary>
    internal PageCollectorOptions EffectivePageOptions(CollectionSettings settings) => PageOptions ?? new PageCollectorOptions
    {
        TotalBudget = Timeout * 0.8,
        PageTimeout = TimeSpan.FromSeconds(Math.Min(10, Timeout.TotalSeconds / 2)),
        ProbeTimeout = TimeSpan.FromSeconds(Math.Min(5, Timeout.TotalSeconds / 4)),
        MaxProbedHosts = settings.MaxProbedHosts,
    };
}
