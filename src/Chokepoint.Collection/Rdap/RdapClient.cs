using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Registration;

namespace Chokepoint.Collection.Rdap;

/// <summary>
/// Looks a domain up in its registry's RDAP service: bootstrap file, then <c>GET {base}domain/{name}</c>.
/// Every failure is returned as an <see cref="Unobserved"/> about <see cref="GapKeys.Rdap"/>, of its kind: no service
/// (<see cref="GapKind.NoData"/>), 404 (<see cref="GapKind.NxDomain"/>), 429 and other error statuses
/// (<see cref="GapKind.HttpStatus"/>), bad JSON (<see cref="GapKind.Malformed"/>), a timeout, an oversized answer
/// (<see cref="GapKind.Bounded"/>).
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
    private readonly Lazy<Task<(RdapBootstrap? Bootstrap, Failure? Error)>> bootstrap;

    /// <summary>Creates a client sending its requests through <paramref name="http"/>.</summary>
    public RdapClient(HttpClient http, TimeProvider time, RdapClientOptions? options = null)
    {
        this.http = http;
        this.time = time;
        this.options = options ?? new RdapClientOptions();
        bootstrap = new(LoadBootstrapAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Looks <paramref name="domain"/> up; never throws for network or registry trouble.</summary>
    public async Task<Collected<RegistrationObservation>> LookupDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var name = domain.Trim().TrimEnd('.').ToLowerInvariant();
        var (loaded, bootstrapError) = await bootstrap.Value.WaitAsync(cancellationToken);
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
        var (json, failure) = await GetJsonAsync(url, cancellationToken);
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
        if (options.FollowRegistrarLink && registration.RegistrarAbuseEmail is null && parsed.RegistrarRdapUrl is { } related)
        {
            var (registrarJson, registrarFailure) = await GetJsonAsync(related, cancellationToken);
            var registrarParsed = registrarJson is null ? null : RdapDomainParser.Parse(registrarJson, service.Tld);
            if (registrarParsed?.Registration is { } fromRegistrar)
            {
                registration = registration with
                {
                    RegistrarAbuseEmail = fromRegistrar.RegistrarAbuseEmail,
                    RegistrarName = registration.RegistrarName ?? fromRegistrar.RegistrarName,
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

    private async Task<(RdapBootstrap?, Failure?)> LoadBootstrapAsync()
    {
        if (options.Bootstrap is { } given)
        {
            return (given, null);
        }

        var url = options.BootstrapUrl ?? RdapBootstrap.IanaDnsBootstrap;
        var (json, failure) = await GetJsonAsync(url, CancellationToken.None);
        if (json is null)
        {
            return (null, failure!.Value with { Reason = $"RDAP bootstrap {url} unavailable: {failure.Value.Reason}" });
        }

        return RdapBootstrap.TryParse(json, out var parsed, out var error)
            ? (parsed, null)
            : (null, new($"RDAP bootstrap {url} unreadable: {error}", GapKind.Malformed));
    }

    /// <summary>One bounded GET; returns the body, or why there is none.</summary>
    private async Task<(string? Json, Failure? Failure)> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        using var probe = new ProbeTimer(options.RequestTimeout, time, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(RdapJson);
            request.Headers.Accept.Add(Json);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, probe.Token);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    return (null, new("not observed: registry has no record", GapKind.NxDomain));
                case HttpStatusCode.TooManyRequests:
                    return (null, new(RateLimited(response), GapKind.HttpStatus));
                case var status when !response.IsSuccessStatusCode:
                    return (null, new(string.Create(CultureInfo.InvariantCulture, $"RDAP service answered HTTP {(int)status} {response.ReasonPhrase}").TrimEnd(), GapKind.HttpStatus));
            }

            var (text, truncated) = await BoundedContent.ReadAsStringAsync(response.Content, options.MaxResponseBytes, probe.Token);
            return truncated
                ? (null, new(string.Create(CultureInfo.InvariantCulture, $"RDAP response larger than {options.MaxResponseBytes} bytes"), GapKind.Bounded))
                : (text, null);
        }
        catch (OperationCanceledException) when (probe.TimedOut)
        {
            return (null, new(probe.TimeoutReason, GapKind.Timeout));
        }
        catch (HttpRequestException exception)
        {
            return (null, new(FailureText.Describe(exception), FailureKinds.Of(exception)));
        }
        catch (IOException exception) when (!probe.Token.IsCancellationRequested)
        {
            return (null, new(FailureText.Describe(exception), FailureKinds.Of(exception)));
        }
    }

    private string RateLimited(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } d && d > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"rate limited (retry after {Math.Ceiling(d.TotalSeconds):0} s)")
            : "rate limited";
    }

    /// <summary>Why a request gave no body, and which kind of gap that is.</summary>
    private readonly record struct Failure(string Reason, GapKind Kind);
}
