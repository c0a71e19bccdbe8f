using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Registration;
using Microsoft.Extensions.Logging;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Rdap;

/// <summary>
/// Looks a domain up in its registry's RDAP service: bootstrap file, then <c>GET {base}domain/{name}</c>.
/// Every failure is returned as an <see cref="Unobserved"/> about <see cref="GapKeys.Rdap"/>, of its kind: no service
/// (<see cref="GapKind.NoData"/>), 404 (<see cref="GapKind.NxDomain"/>), 429 and other error statuses
/// (<see cref="GapKind.HttpStatus"/>), bad JSON (<see cref="GapKind.Malformed"/>), a timeout, an oversized answer
/// (<see cref="GapKind.Bounded"/>).
/// Thread-safe and meant to be long-lived: the bootstrap is fetched once and again when older than
/// <see cref="RdapClientOptions.BootstrapMaxAge"/>; a 429 is waited out (Retry-After, capped) and tried again when
/// the wait fits in the caller's budget.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7480">RFC 7480: HTTP Usage in RDAP</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9082">RFC 9082: RDAP Query Format</seealso>
public sealed class RdapClient
{
    /// <summary>The key under which RDAP gaps are reported.</summary>
    public const string What = GapKeys.Rdap;

    private static readonly MediaTypeWithQualityHeaderValue RdapJson = new("application/rdap+json");
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json", 0.9);

    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly RdapClientOptions options;
    private readonly Lock gate = new();
    private (Task<(RdapBootstrap? Bootstrap, Failure? Error)> Load, DateTimeOffset Started)? bootstrap;
    private readonly Lock staleGate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> notBefore = new(StringComparer.OrdinalIgnoreCase);
    private RdapBootstrap? lastGood;
    private DateTimeOffset? servingStaleSince;

    /// <summary>How soon a failed refresh is tried again while the last good bootstrap is served.</summary>
    private static readonly TimeSpan StaleRetry = TimeSpan.FromMinutes(5);

    /// <summary>Creates a client sending its requests through <paramref name="http"/>.</summary>
    public RdapClient(HttpClient http, TimeProvider time, RdapClientOptions? options = null)
    {
        this.http = http;
        this.time = time;
        this.options = options ?? new RdapClientOptions();
    }

    /// <summary>Looks <paramref name="domain"/> up; never throws for network or registry trouble.</summary>
    public Task<Collected<RegistrationObservation>> LookupDomainAsync(string domain, CancellationToken cancellationToken) =>
        LookupDomainAsync(domain, deadline: null, cancellationToken);

    /// <summary>
    /// Looks <paramref name="domain"/> up; a 429 is waited out only if the wait ends before <paramref name="deadline"/>
    /// (the caller's budget; no limit but <see cref="RdapClientOptions.MaxRetryAfter"/> when null).
    /// </summary>
    public async Task<Collected<RegistrationObservation>> LookupDomainAsync(string domain, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var name = HostName.Normalize(domain);
        var (loaded, bootstrapError) = await CurrentBootstrap().WaitAsync(cancellationToken);
        if (loaded is null)
        {
            return Missing(name, bootstrapError ?? new Failure("RDAP bootstrap unavailable", GapKind.Failed));
        }

        var service = loaded.Find(name);
        if (service is null)
        {
            return Missing(name, new($"no RDAP service for the TLD of {name} in the bootstrap registry", GapKind.NoData));
        }

        var baseUrl = service.BaseUrls[0];
        var url = new Uri(baseUrl, "domain/" + Uri.EscapeDataString(name));
        var (json, failure) = await GetJsonAsync(url, deadline, cancellationToken);
        if (json is null)
        {
            return Missing(name, failure!.Value);
        }

        var parsed = RdapDomainParser.Parse(json, service.Tld);
        if (parsed.Registration is null)
        {
            return Missing(name, new(parsed.Error ?? "unreadable RDAP response", GapKind.Malformed));
        }

        var registration = parsed.Registration with
        {
            RdapService = baseUrl.ToString(),
            Provenance = new Provenance($"rdap {baseUrl}", time.GetUtcNow()),
        };

        var gaps = new List<Unobserved>();
        // A thin registry (.com, .net) publishes no registrant: the registrar of record does.
        if (options.FollowRegistrarLink && (registration.RegistrarAbuseEmail is null || registration.Registrant is null) && parsed.RegistrarRdapUrl is { } related)
        {
            var (registrarJson, registrarFailure) = await GetJsonAsync(related, deadline, cancellationToken);
            var registrarParsed = registrarJson is null ? null : RdapDomainParser.Parse(registrarJson, service.Tld);
            if (registrarParsed?.Registration is { } fromRegistrar)
            {
                registration = registration with
                {
                    RegistrarAbuseEmail = registration.RegistrarAbuseEmail ?? fromRegistrar.RegistrarAbuseEmail,
                    RegistrarName = registration.RegistrarName ?? fromRegistrar.RegistrarName,
                    Registrant = registration.Registrant ?? fromRegistrar.Registrant,
                };
            }
            else
            {
                var (reason, kind) = registrarFailure ?? new Failure(registrarParsed?.Error ?? "unreadable registrar RDAP response", GapKind.Malformed);
                gaps.Add(Unobserved.Of(GapKeys.RdapRegistrar, kind, reason, related.ToString()));
            }
        }

        return new Collected<RegistrationObservation> { Value = registration, Unobserved = gaps };
    }

    private static Collected<RegistrationObservation> Missing(string domain, Failure failure) =>
        new() { Unobserved = [Unobserved.Of(GapKeys.Rdap, failure.Kind, failure.Reason, domain)] };

    /// <summary>The bootstrap in use, fetching it when there is none yet, the last fetch failed or it is too old.</summary>
    private Task<(RdapBootstrap? Bootstrap, Failure? Error)> CurrentBootstrap()
    {
        if (options.Bootstrap is { } given)
        {
            return Task.FromResult<(RdapBootstrap?, Failure?)>((given, null));
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            if (bootstrap is not { } current
                || (current.Load.IsCompleted
                    && (!current.Load.IsCompletedSuccessfully
                        || current.Load.Result.Bootstrap is null
                        || now - current.Started > options.BootstrapMaxAge
                        || (ServingStaleSince() is { } since && now - since > StaleRetry))))
            {
                bootstrap = current = (LoadBootstrapAsync(), now);
            }

            return current.Load;
        }
    }

    private DateTimeOffset? ServingStaleSince()
    {
        lock (staleGate)
        {
            return servingStaleSince;
        }
    }

    private async Task<(RdapBootstrap?, Failure?)> LoadBootstrapAsync()
    {
        var url = options.BootstrapUrl ?? RdapBootstrap.IanaDnsBootstrap;
        var (json, failure) = await GetJsonAsync(url, deadline: null, CancellationToken.None);
        Failure problem;
        if (json is null)
        {
            problem = failure!.Value with { Reason = $"RDAP bootstrap {url} unavailable: {failure.Value.Reason}" };
        }
        else if (RdapBootstrap.TryParse(json, out var parsed, out var error))
        {
            lock (staleGate)
            {
                lastGood = parsed;
                servingStaleSince = null;
            }

            return (parsed, null);
        }
        else
        {
            problem = new($"RDAP bootstrap {url} unreadable: {error}", GapKind.Malformed);
        }

        // A failed refresh keeps the last good bootstrap (the registries' addresses change rarely) and is tried
        // again soon; only a session that never had one reports the failure.
        lock (staleGate)
        {
            if (lastGood is { } stale)
            {
                servingStaleSince ??= time.GetUtcNow();
                if (options.Logger is { } logger && logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("RDAP bootstrap refresh failed, keeping the last good one: {Reason}", problem.Reason);
                }

                return (stale, null);
            }
        }

        return (null, problem);
    }

    /// <summary>A GET, tried again after a 429 while the wait is short and fits before <paramref name="deadline"/>.</summary>
    /// <remarks>
    /// A server's Retry-After holds for every audit of the session: until it has passed, other requests to that host
    /// wait too (when the wait fits their budget) rather than being refused again.
    /// </remarks>
    private async Task<(string? Json, Failure? Failure)> GetJsonAsync(Uri url, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (notBefore.TryGetValue(url.Authority, out var until) && until - time.GetUtcNow() is { } pause && pause > TimeSpan.Zero)
        {
            if (pause > options.MaxRetryAfter || (deadline is { } last && time.GetUtcNow() + pause >= last))
            {
                return (null, new(RateLimited(pause), GapKind.HttpStatus));
            }

            await Task.Delay(pause, time, cancellationToken);
        }

        for (var attempt = 0; ; attempt++)
        {
            var (json, failure, retryAfter) = await GetOnceAsync(url, cancellationToken);
            if (retryAfter is { } asked && asked > TimeSpan.Zero)
            {
                var until2 = time.GetUtcNow() + asked;
                notBefore.AddOrUpdate(url.Authority, until2, (_, current) => current > until2 ? current : until2);
            }

            if (retryAfter is not { } wait
                || attempt >= options.MaxRateLimitRetries
                || wait > options.MaxRetryAfter
                || (deadline is { } end && time.GetUtcNow() + wait >= end))
            {
                return (json, failure);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>One bounded GET; returns the body, or why there is none (and the wait a 429 asked for).</summary>
    private async Task<(string? Json, Failure? Failure, TimeSpan? RetryAfter)> GetOnceAsync(Uri url, CancellationToken cancellationToken)
    {
        using var activity = CollectionTelemetry.Source.StartActivity(CollectionTelemetry.RdapFetch, ActivityKind.Client);
        activity?.SetTag("url.full", url.ToString());
        var result = await FetchAsync(url, activity, cancellationToken);
        if (result.Failure is { } failure)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failure.Reason);
            if (options.Logger is { } logger && logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("RDAP {Url} failed: {Reason}", url, failure.Reason);
            }
        }

        return result;
    }

    private async Task<(string? Json, Failure? Failure, TimeSpan? RetryAfter)> FetchAsync(Uri url, Activity? activity, CancellationToken cancellationToken)
    {
        using var probe = new ProbeTimer(options.RequestTimeout, time, cancellationToken);
        try
        {
            using var lease = options.ServerLimiter is { } limiter ? await limiter.AcquireAsync(url.Authority, 1, probe.Token) : null;
            if (lease is { IsAcquired: false })
            {
                return (null, new("too many requests waiting for this RDAP server", GapKind.Bounded), null);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(RdapJson);
            request.Headers.Accept.Add(Json);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, probe.Token);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    return (null, new("not observed: registry has no record", GapKind.NxDomain), null);
                case HttpStatusCode.TooManyRequests:
                    var delay = RetryAfter(response);
                    return (null, new(RateLimited(delay), GapKind.HttpStatus), delay is { } d ? (d > TimeSpan.Zero ? d : TimeSpan.Zero) : null);
                case var status when !response.IsSuccessStatusCode:
                    return (null, new(string.Create(CultureInfo.InvariantCulture, $"RDAP service answered HTTP {(int)status} {response.ReasonPhrase}").TrimEnd(), GapKind.HttpStatus), null);
            }

            var (text, truncated) = await BoundedContent.ReadAsStringAsync(response.Content, options.MaxResponseBytes, probe.Token);
            return truncated
                ? (null, new(string.Create(CultureInfo.InvariantCulture, $"RDAP response larger than {options.MaxResponseBytes} bytes"), GapKind.Bounded), null)
                : (text, null, null);
        }
        catch (OperationCanceledException) when (probe.TimedOut)
        {
            return (null, new(probe.TimeoutReason, GapKind.Timeout), null);
        }
        catch (HttpRequestException exception)
        {
            return (null, new(FailureText.Describe(exception), FailureKinds.Of(exception)), null);
        }
        catch (IOException exception) when (!probe.Token.IsCancellationRequested)
        {
            return (null, new(FailureText.Describe(exception), FailureKinds.Of(exception)), null);
        }
    }

    /// <summary>Retry-After as a wait: delta-seconds, or an HTTP-date less now (RFC 9110 section 10.2.3).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        return retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
    }

    private static string RateLimited(TimeSpan? delay) =>
        delay is { } d && d > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"rate limited (retry after {Math.Ceiling(d.TotalSeconds):0} s)")
            : "rate limited";

    /// <summary>Why a request gave no body, and which kind of gap that is.</summary>
    private readonly record struct Failure(string Reason, GapKind Kind);
}
