using System.Collections.Concurrent;
using System.Globalization;
using Chokepoint.Collection.Asn;
using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Page;
using Chokepoint.Observations.Registration;
using Chokepoint.Observations.Tls;
using Chokepoint.Observations.Web;

namespace Chokepoint.Collection.Session;

/// <summary>
/// One site's collection inside a session: its budget, its view of the session's DNS (one answer per question),
/// what its collectors share (each started once, by whoever needs it first), and everything they found, assembled
/// into <see cref="SiteObservations"/> in slot order. Thread-safe.
/// </summary>
internal sealed class SiteScope : IDisposable
{
    private readonly ProbeTimer budget;
    private readonly CancellationToken callerToken;
    private readonly string budgetReason;
    private readonly ConcurrentDictionary<string, Lazy<Task>> shared = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Result> results = [];

    public SiteScope(CollectionSession session, string domain, SiteCollectionRequest request, CancellationToken cancellationToken)
    {
        Session = session;
        Domain = domain;
        Request = request;
        EntryPoint = EntryPointUnder(domain, request.EntryPoint);
        CollectedAt = session.Time.GetUtcNow();
        Deadline = CollectedAt + request.Timeout;
        callerToken = cancellationToken;
        budget = new ProbeTimer(request.Timeout, session.Time, cancellationToken);
        budgetReason = string.Create(CultureInfo.InvariantCulture, $"not finished within the {request.Timeout.TotalSeconds:0.###} s collection budget");
        Dns = session.Dns.CreateScope();
        var cymru = session.Settings.UseCymruDns ? new CymruAsnLookup(Dns) : null;
        Annotator = session.AsnDatabase is null && cymru is null
            ? new AddressAnnotator(null, null, session.AsnProblem ?? "no IP-to-ASN data set loaded")
            : new AddressAnnotator(session.AsnDatabase, cymru, session.AsnProblem);
        Hosts = new HostCollector(Dns, Annotator);
        if (session.AsnProblem is { } problem)
        {
            Record(SiteSlot.Asn, 0, [], [Unobserved.Of(GapKeys.Asn, GapKind.NotCollected, problem)]);
        }
    }

    public CollectionSession Session { get; }

    /// <summary>The audited domain, normalised.</summary>
    public string Domain { get; }

    public SiteCollectionRequest Request { get; }

    /// <summary>The web entry point, normalised: a host under <see cref="Domain"/> other than the domain itself; null when none was given.</summary>
    public string? EntryPoint { get; }

    public DateTimeOffset CollectedAt { get; }

    /// <summary>When the budget runs out.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Cancelled when the budget runs out or the caller cancels.</summary>
    public CancellationToken Token => budget.Token;

    /// <summary>This site's view of the session's DNS.</summary>
    public DnsLookup Dns { get; }

    public AddressAnnotator Annotator { get; }

    public HostCollector Hosts { get; }

    /// <summary>
    /// The result of <paramref name="start"/> under <paramref name="key"/>, started by the first caller only: how
    /// collectors depend on each other (TLS after the host's addresses) without starting anything twice.
    /// </summary>
    public Task<T> Once<T>(string key, Func<Task<T>> start) =>
        (Task<T>)shared.GetOrAdd(key, _ => new Lazy<Task>(start, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// Runs one probe at the boundary: the budget running out becomes a "budget-spent" gap; the caller's
    /// cancellation propagates; anything else a collector throws becomes a gap with its message.
    /// </summary>
    public Task<Collected<T>> Guard<T>(string subject, Func<Task<Collected<T>>> run)
        where T : class => Guard(subject, run, target: null);

    /// <summary>As <see cref="Guard{T}(string, Func{Task{Collected{T}}})"/>, with the host, URL or domain the gap concerns.</summary>
    public async Task<Collected<T>> Guard<T>(string subject, Func<Task<Collected<T>>> run, string? target)
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

    /// <summary>Runs one probe through <see cref="Guard{T}(string, Func{Task{Collected{T}}}, string)"/> and records its value and gaps in <paramref name="slot"/>.</summary>
    public async Task<T?> Run<T>(SiteSlot slot, string subject, string target, Func<Task<Collected<T>>> run)
        where T : class
    {
        var collected = await Guard(subject, run, target);
        Record(slot, 0, collected.Value is { } value ? [value] : [], collected.Unobserved);
        return collected.Value;
    }

    /// <summary>Records observations (hosts, zones, ...) and gaps found by a collector.</summary>
    public void Record(SiteSlot slot, int index, IEnumerable<object> values, IEnumerable<Unobserved> gaps) =>
        results.Add(new Result(slot, index, [.. values], [.. gaps]));

    /// <summary>Everything recorded, in slot order; gaps refused by the address policy get their kind.</summary>
    public SiteObservations Assemble()
    {
        var ordered = results.OrderBy(r => r.Slot).ThenBy(r => r.Index).ToList();
        var values = ordered.SelectMany(r => r.Values).ToList();
        return new SiteObservations
        {
            Domain = Domain,
            EntryPoint = EntryPoint,
            CollectedAt = CollectedAt,
            Network = Session.Settings.Network.Name,
            ToolVersion = Session.ToolVersion,
            Registration = values.OfType<RegistrationObservation>().FirstOrDefault(),
            Dns = values.OfType<DnsObservation>().FirstOrDefault(),
            Hosts = values.OfType<HostObservation>().ToList(),
            Tls = values.OfType<TlsObservation>().ToList(),
            Http = values.OfType<HttpObservation>().ToList(),
            UpstreamZones = values.OfType<ZoneObservation>().ToList(),
            NameServerDomains = values.OfType<NameServerDomainSet>().FirstOrDefault()?.Domains,
            Mail = values.OfType<MailObservation>().FirstOrDefault(),
            Page = values.OfType<PageObservation>().FirstOrDefault(),
            Unobserved = ordered.SelectMany(r => r.Gaps).ToList(),
        };
    }

    public void Dispose() => budget.Dispose();

    /// <summary>
    /// <paramref name="entryPoint"/> as a host name when it lies under <paramref name="domain"/> and is not the domain
    /// itself; a host elsewhere is refused, since the web layers would then describe another site.
    /// </summary>
    private static string? EntryPointUnder(string domain, string? entryPoint)
    {
        if (entryPoint is null)
        {
            return null;
        }

        var host = AuditCollector.Normalise(entryPoint);
        return host == domain ? null
            : host.EndsWith("." + domain, StringComparison.Ordinal) ? host
            : throw new ArgumentException($"the web entry point {host} is not under {domain}", nameof(entryPoint));
    }

    private sealed record Result(SiteSlot Slot, int Index, List<object> Values, List<Unobserved> Gaps);
}
