using System.Globalization;
using System.Reflection;
using System.Threading.RateLimiting;
using Chokepoint.Collection.Asn;
using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Http;
using Chokepoint.Collection.Rdap;
using Chokepoint.Collection.Tls;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Microsoft.Extensions.Logging;

namespace Chokepoint.Collection.Session;

/// <summary>
/// A long-lived, thread-safe collection engine shared by many concurrent site audits: one pooled HTTP handler, one
/// DNS lookup whose cache honours TTLs (so TLD referrals and a provider's zone are asked once per session), one
/// RDAP client whose bootstrap is fetched once (and again when older than the settings allow), per-server
/// concurrency and rate limits, and one <see cref="Transport.AddressPolicy"/> checked on every address connected
/// to. Each <see cref="CollectAsync"/> opens a per-site scope with its own budget and gaps.
/// </summary>
/// <remarks>
/// Spans go to <see cref="CollectionTelemetry.Source"/>; failures are logged at Debug through the logger factory.
/// Disposing ends the shared exchanges still running and frees the sockets; audits still running then fail.
/// </remarks>
public sealed class CollectionSession : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private readonly SocketsHttpHandler handler;
    private readonly HttpMessageHandler pipeline;
    private readonly PartitionedRateLimiter<string> dnsLimiter;
    private readonly PartitionedRateLimiter<string> rdapLimiter;
    private readonly PartitionedRateLimiter<string> webHostLimiter;
    private readonly List<IDisposable> limiterParts = [];
    private int disposed;

    /// <summary>
    /// Builds a session from <paramref name="settings"/> and data already loaded. When <paramref name="asnDatabase"/>
    /// is null the network profile's IP-to-ASN file (if any) is opened once here; when it cannot be read, every
    /// site reports an "asn" gap.
    /// </summary>
    /// <param name="settings">The settings; they must pass <see cref="CollectionSettings.Validate"/>.</param>
    /// <param name="asnDatabase">An IP-to-ASN table already loaded, or null.</param>
    /// <param name="time">The clock of timeouts, budgets, TTLs and provenance.</param>
    /// <param name="loggerFactory">Where failures are logged (Debug); nowhere when null.</param>
    /// <param name="rdapBootstrap">An RDAP bootstrap already loaded; fetched from the profile's URL (or IANA's) when null.</param>
    /// <param name="asnProblem">Why the caller could not load an IP-to-ASN table (reported by every site); the profile's file is then not opened.</param>
    /// <exception cref="ArgumentException">The settings do not validate; the message lists every problem.</exception>
    public CollectionSession(
        CollectionSettings settings,
        AsnDatabase? asnDatabase,
        TimeProvider time,
        ILoggerFactory? loggerFactory = null,
        RdapBootstrap? rdapBootstrap = null,
        string? asnProblem = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        if (settings.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("invalid collection settings: " + string.Join("; ", errors), nameof(settings));
        }

        Settings = settings;
        Time = time;
        AddressPolicy = settings.CreateAddressPolicy();
        (AsnDatabase, AsnProblem) = asnDatabase is not null ? (asnDatabase, null)
            : asnProblem is not null ? (null, asnProblem)
            : OpenAsnDatabase(settings);
        var profile = settings.Network;
        (dnsLimiter, var dnsParts) = settings.DnsServerLimits.CreateLimiter();
        (rdapLimiter, var rdapParts) = settings.RdapServerLimits.CreateLimiter();
        limiterParts.AddRange(dnsParts);
        (webHostLimiter, var webParts) = settings.WebHostLimits.CreateLimiter();
        limiterParts.AddRange(rdapParts);
        limiterParts.AddRange(webParts);
        Dns = new DnsLookup(profile, time, settings.DnsQueryTimeout, new DnsLookupOptions
        {
            CacheSize = settings.DnsCacheSize,
            MaxCacheTtl = settings.DnsMaxTtl,
            AddressPolicy = AddressPolicy,
            ServerLimiter = dnsLimiter,
            Logger = loggerFactory?.CreateLogger<DnsLookup>(),
            Lifetime = lifetime.Token,
        });
        handler = WebTransport.CreateHandler(profile, Dns, settings.TlsTimeout, AddressPolicy);
        pipeline = new ProbeTelemetryHandler(new HostLimitHandler(handler, webHostLimiter), loggerFactory?.CreateLogger<HttpCollector>());
        Http = CreateHttpClient();
        Rdap = new RdapClient(Http, time, new RdapClientOptions
        {
            Bootstrap = rdapBootstrap,
            BootstrapUrl = profile.RdapBootstrap is { Length: > 0 } url ? new Uri(url) : null,
            BootstrapMaxAge = settings.RdapBootstrapMaxAge,
            RequestTimeout = settings.RdapTimeout,
            MaxRetryAfter = settings.RdapMaxRetryAfter,
            ServerLimiter = rdapLimiter,
            Logger = loggerFactory?.CreateLogger<RdapClient>(),
        });
        Tls = new TlsCollector(profile, Dns, time, new TlsCollectorOptions
        {
            Timeout = settings.TlsTimeout,
            AddressPolicy = AddressPolicy,
            HostLimiter = webHostLimiter,
            Logger = loggerFactory?.CreateLogger<TlsCollector>(),
        });
        Web = new HttpCollector(Http, time, new HttpCollectorOptions { Timeout = settings.HttpTimeout, MaxRedirects = settings.MaxRedirects });
        ToolVersion = settings.ToolVersion ?? DefaultToolVersion();
    }

    /// <summary>The settings the session was built from.</summary>
    public CollectionSettings Settings { get; }

    /// <summary>The address policy every connection is checked against.</summary>
    public AddressPolicy AddressPolicy { get; }

    /// <summary>The session's DNS lookup (cache shared by every audit; no memory of failures).</summary>
    public DnsLookup Dns { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The IP-to-ASN table in use, if any.</summary>
    public AsnDatabase? AsnDatabase { get; }

    /// <summary>Why the profile's IP-to-ASN file could not be read, if it could not.</summary>
    public string? AsnProblem { get; }

    /// <summary>
    /// An HTTP client over the session's pooled handler (the profile's DNS, ports, trust and address policy;
    /// redirects not followed). Dispose it freely: the handler stays with the session.
    /// </summary>
    public HttpClient CreateHttpClient() =>
        new(pipeline, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Collects the observations of <paramref name="domain"/> under the request's budget. Network trouble never
    /// throws: each failure is an <see cref="Unobserved"/> entry with its reason and kind, and work not finished
    /// within the budget is reported as such. Only the caller's cancellation throws (<see cref="OperationCanceledException"/>).
    /// </summary>
    public async Task<SiteObservations> CollectAsync(string domain, SiteCollectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (request.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), string.Create(CultureInfo.InvariantCulture, $"the site budget must be positive (is {request.Timeout})"));
        }

        using var site = new SiteScope(this, AuditCollector.Normalise(domain), request, cancellationToken);
        if (request.Progress is not { } progress)
        {
            await Task.WhenAll(SiteCollectors.All.Select(collector => collector(site)));
            return site.Assemble();
        }

        var done = 0;
        await Task.WhenAll(SiteCollectors.All.Select(async collector =>
        {
            await collector(site);
            progress.Report(new CollectionProgress(site.Domain, CollectorName(collector), Interlocked.Increment(ref done), SiteCollectors.All.Count));
        }));
        return site.Assemble();
    }

    /// <summary>A collector's method name in kebab case (<c>SiteHosts</c> is <c>site-hosts</c>): the collectors list stays one list of methods.</summary>
    private static string CollectorName(Func<SiteScope, Task> collector) =>
        string.Concat(collector.Method.Name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        lifetime.Cancel();
        Http.Dispose();
        pipeline.Dispose();
        handler.Dispose();
        foreach (var part in limiterParts)
        {
            part.Dispose();
        }
        lifetime.Dispose();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The shared HTTP client of the collectors.</summary>
    internal HttpClient Http { get; }

    internal RdapClient Rdap { get; }

    internal TlsCollector Tls { get; }

    internal HttpCollector Web { get; }

    internal string ToolVersion { get; }

    private static (AsnDatabase?, string?) OpenAsnDatabase(CollectionSettings settings)
    {
        if (settings.Network.AsnDatabase is not { Length: > 0 } path)
        {
            return (null, null);
        }

        try
        {
            return (AsnDatabase.Open(path), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, $"IP-to-ASN data set {path} unreadable: {exception.Message}");
        }
    }

    private static string DefaultToolVersion() =>
        typeof(CollectionSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
