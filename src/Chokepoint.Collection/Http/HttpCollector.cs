using System.Globalization;
using System.Net;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Web;

namespace Chokepoint.Collection.Http;

/// <summary>
/// GETs a URL and follows its redirects (at most <see cref="HttpCollectorOptions.MaxRedirects"/>, stopping on a
/// loop), recording each hop, the final status, the final response's headers (names lowercased) and the address it
/// came from. Bodies are not read. Requests go through <see cref="WebTransport"/>.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9110#section-15.4">RFC 9110 section 15.4: redirection</seealso>
public sealed class HttpCollector(HttpClient http, TimeProvider time, HttpCollectorOptions? options = null)
{
    private readonly HttpCollectorOptions options = options ?? new HttpCollectorOptions();

    /// <summary>
    /// Fetches <paramref name="url"/>. A failure before any response gives no observation and a gap about
    /// <see cref="GapKeys.Http"/> for the URL; a failure after some responses (a loop or too many redirects, both
    /// <see cref="GapKind.Bounded"/>) gives the partial observation and a gap.
    /// </summary>
    public async Task<Collected<HttpObservation>> CollectAsync(Uri url, CancellationToken cancellationToken)
    {
        var target = url.ToString();
        using var probe = new ProbeTimer(options.Timeout, time, cancellationToken);
        var redirects = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        HttpObservation? last = null;
        var current = url;
        HttpRequestMessage? sent = null;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                sent = request;
                request.Headers.ConnectionClose = true;
                request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, probe.Token);
                last = new HttpObservation
                {
                    Url = url.ToString(),
                    FinalUrl = current.ToString(),
                    Status = (int)response.StatusCode,
                    Redirects = [.. redirects],
                    Headers = HeadersOf(response),
                    RemoteAddress = request.Options.TryGetValue(WebTransport.RemoteEndPointKey, out var endPoint)
                        ? endPoint.Address.ToString()
                        : null,
                    Provenance = new Provenance($"http {current.GetLeftPart(UriPartial.Authority)}", time.GetUtcNow()),
                };

                if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
                {
                    return new Collected<HttpObservation> { Value = last };
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    return Partial(last, target, GapKind.Failed, $"redirect to a non-web URL {next}");
                }

                redirects.Add(next.ToString());
                if (!visited.Add(next.AbsoluteUri))
                {
                    return Partial(last with { Redirects = [.. redirects] }, target, GapKind.Bounded, $"redirect loop at {next}");
                }

                if (hop + 1 >= options.MaxRedirects)
                {
                    return Partial(last with { Redirects = [.. redirects] }, target, GapKind.Bounded, $"more than {options.MaxRedirects} redirects");
                }

                current = next;
            }
        }
        catch (OperationCanceledException) when (probe.TimedOut && HostLimitHandler.WasWaiting(sent))
        {
            return Partial(last, target, GapKind.Bounded, string.Create(
                CultureInfo.InvariantCulture,
                $"{current}: not sent: no turn under the per-host limit for {current.IdnHost} within {options.Timeout.TotalSeconds:0.###} s"));
        }
        catch (OperationCanceledException) when (probe.TimedOut)
        {
            return Partial(last, target, GapKind.Timeout, probe.TimeoutReason);
        }
        catch (HttpRequestException exception)
        {
            return Partial(last, target, FailureKinds.Of(exception), $"{current}: {FailureText.Describe(exception)}");
        }
        catch (IOException exception) when (!probe.Token.IsCancellationRequested)
        {
            return Partial(last, target, FailureKinds.Of(exception), $"{current}: {FailureText.Describe(exception)}");
        }
    }

    private static Collected<HttpObservation> Partial(HttpObservation? observation, string url, GapKind kind, string reason) =>
        new() { Value = observation, Unobserved = [Unobserved.Of(GapKeys.Http, kind, reason, url)] };

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>A response's headers (content headers included), names lowercased, repeated headers joined with ", ".</summary>
    internal static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var key = name.ToLowerInvariant();
            var value = string.Join(", ", values);
            headers[key] = headers.TryGetValue(key, out var existing) ? existing + ", " + value : value;
        }

        return headers;
    }
}
