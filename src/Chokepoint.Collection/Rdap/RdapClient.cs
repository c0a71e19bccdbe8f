using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Registration;

namespace Chokepoint.Collection.Rdap;

/// <summary>
/// Looks a domain up in its registry's RDAP service: bootstrap file, then <c>GET {base}domain/{name}</c>.
/// Every failure (no service, 404, 429, bad JSON, timeout, oversized answer) is returned as an <see cref="Unobserved"/> "rdap".
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7480">RFC 7480: HTTP Usage in RDAP</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9082">RFC 9082: RDAP Query Format</seealso>
public sealed class RdapClient
{
    /// <summary>The key under which RDAP gaps are reported.</summary>
    public const string What = "rdap";

    private static readonly MediaTypeWithQualityHeaderValue RdapJson = new("application/rdap+json");
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json", 0.9);

    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly RdapClientOptions options;
    private readonly Lazy<Task<(RdapBootstrap? Bootstrap, string? Error)>> bootstrap;

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
            return Missing(bootstrapError ?? "RDAP bootstrap unavailable");
        }

        var service = loaded.Find(name);
        if (service is null)
        {
            return Missing($"no RDAP service for the TLD of {name} in the bootstrap registry");
        }

        var baseUrl = service.BaseUrls[0];
        var url = new Uri(baseUrl, "domain/" + Uri.EscapeDataString(name));
        var (json, failure) = await GetJsonAsync(url, cancellationToken);
        if (json is null)
        {
            return Missing(failure!);
        }

        var parsed = RdapDomainParser.Parse(json, service.Tld);
        if (parsed.Registration is null)
        {
            return Missing(parsed.Error ?? "unreadable RDAP response");
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
                gaps.Add(new Unobserved("rdap.registrar", registrarFailure ?? registrarParsed?.Error ?? "unreadable registrar RDAP response"));
            }
        }

        return new Collected<RegistrationObservation> { Value = registration, Unobserved = gaps };
    }

    private static Collected<RegistrationObservation> Missing(string reason) => new() { Unobserved = [new(What, reason)] };

    private async Task<(RdapBootstrap?, string?)> LoadBootstrapAsync()
    {
        if (options.Bootstrap is { } given)
        {
            return (given, null);
        }

        var url = options.BootstrapUrl ?? RdapBootstrap.IanaDnsBootstrap;
        var (json, failure) = await GetJsonAsync(url, CancellationToken.None);
        if (json is null)
        {
            return (null, $"RDAP bootstrap {url} unavailable: {failure}");
        }

        return RdapBootstrap.TryParse(json, out var parsed, out var error)
            ? (parsed, null)
            : (null, $"RDAP bootstrap {url} unreadable: {error}");
    }

    /// <summary>One bounded GET; returns the body, or why there is none.</summary>
    private async Task<(string? Json, string? Failure)> GetJsonAsync(Uri url, CancellationToken cancellationToken)
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
                    return (null, "not observed: registry has no record");
                case HttpStatusCode.TooManyRequests:
                    return (null, RateLimited(response));
                case var status when !response.IsSuccessStatusCode:
                    return (null, string.Create(CultureInfo.InvariantCulture, $"RDAP service answered HTTP {(int)status} {response.ReasonPhrase}").TrimEnd());
            }

            var (text, truncated) = await BoundedContent.ReadAsStringAsync(response.Content, options.MaxResponseBytes, probe.Token);
            return truncated
                ? (null, string.Create(CultureInfo.InvariantCulture, $"RDAP response larger than {options.MaxResponseBytes} bytes"))
                : (text, null);
        }
        catch (OperationCanceledException) when (probe.TimedOut)
        {
            return (null, probe.TimeoutReason);
        }
        catch (HttpRequestException exception)
        {
            return (null, FailureText.Describe(exception));
        }
        catch (IOException exception) when (!probe.Token.IsCancellationRequested)
        {
            return (null, FailureText.Describe(exception));
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
}
