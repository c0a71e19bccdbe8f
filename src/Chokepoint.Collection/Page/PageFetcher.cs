using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Page;

/// <summary>
/// One bounded GET: follows redirects itself (so each hop is seen and loops are caught), reads at most a set number
/// of body bytes, and turns every expected failure (timeout, refused connection, loop, oversized body) into a
/// <see cref="PageFetch"/> reason. Only the caller's own cancellation is thrown.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9110#name-redirection-3xx"/>
internal sealed class PageFetcher(
    Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
    PageCollectorOptions options,
    TimeProvider timeProvider)
{
    /// <summary>The outcome of one fetch: the record, the decoded body (possibly partial) and where it ended.</summary>
    internal sealed record Outcome(PageFetch Fetch, string? Body, Uri FinalUrl, string? MediaType);

    public async Task<Outcome> FetchAsync(
        Uri url,
        string purpose,
        int maxBytes,
        CancellationToken budget,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.PageTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget, timeout.Token);
        var token = linked.Token;
        var current = url;
        var redirects = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        int? status = null;
        string? contentType = null;
        long bytesRead = 0;

        PageFetch Record(string? incomplete) => new()
        {
            Url = url.AbsoluteUri,
            Purpose = purpose,
            Status = status,
            BytesRead = bytesRead,
            Incomplete = incomplete,
            FinalUrl = redirects.Count > 0 ? current.AbsoluteUri : null,
            Redirects = redirects.Count > 0 ? redirects : null,
            ContentType = contentType,
        };

        try
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", purpose is "ads.txt" or "app-ads.txt"
                    ? "text/plain, */*;q=0.5"
                    : "text/html, application/xhtml+xml, */*;q=0.5");
                using var response = await send(request, token);
                status = (int)response.StatusCode;
                contentType = response.Content.Headers.ContentType?.ToString();

                if (IsRedirect(response.StatusCode))
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return new Outcome(Record($"HTTP {status} redirect without a Location header"), null, current, null);
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return new Outcome(Record($"redirect to a non-web address ({next.Scheme}:) at {current.AbsoluteUri}"), null, current, null);
                    }

                    if (!visited.Add(next.AbsoluteUri))
                    {
                        redirects.Add(next.AbsoluteUri);
                        return new Outcome(Record($"redirect loop at {next.AbsoluteUri}"), null, current, null);
                    }

                    if (redirects.Count >= options.MaxRedirects)
                    {
                        return new Outcome(Record($"more than {options.MaxRedirects} redirects; stopped at {current.AbsoluteUri}"), null, current, null);
                    }

                    redirects.Add(next.AbsoluteUri);
                    current = next;
                    continue;
                }

                var body = new MemoryStream();
                string? cut = null;
                try
                {
                    cut = await ReadBoundedAsync(response.Content, body, maxBytes, token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException or HttpRequestException)
                {
                    bytesRead = body.Length;
                    var text = Decode(body, response.Content.Headers.ContentType);
                    var reason = Explain(exception, bytesRead, budget, cancellationToken);
                    return new Outcome(Record(reason), text, current, response.Content.Headers.ContentType?.MediaType);
                }

                bytesRead = body.Length;
                var decoded = Decode(body, response.Content.Headers.ContentType);
                var incomplete = cut ?? (response.IsSuccessStatusCode ? null : $"HTTP {status}");
                if (cut is not null && !response.IsSuccessStatusCode)
                {
                    incomplete = $"HTTP {status}; {cut}";
                }

                return new Outcome(Record(incomplete), decoded, current, response.Content.Headers.ContentType?.MediaType);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or HttpRequestException)
        {
            return new Outcome(Record(Explain(exception, bytesRead, budget, cancellationToken)), null, current, null);
        }
    }

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Copies at most <paramref name="maxBytes"/> of the body; returns why it stopped early, or null when it read it whole.</summary>
    private static async Task<string?> ReadBoundedAsync(HttpContent content, MemoryStream body, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var want = (int)Math.Min(buffer.Length, maxBytes - body.Length + 1);
            var read = await stream.ReadAsync(buffer.AsMemory(0, want), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            var keep = (int)Math.Min(read, maxBytes - body.Length);
            body.Write(buffer, 0, keep);
            if (keep < read)
            {
                return declared is { } size
                    ? $"body is {ByteSize.Format(size)} ({size.ToString("N0", CultureInfo.InvariantCulture)} bytes); read the first {ByteSize.Format(maxBytes)}"
                    : $"body exceeded {ByteSize.Format(maxBytes)}; read the first {ByteSize.Format(maxBytes)}";
            }
        }
    }

    /// <summary>Words for a failed or interrupted fetch. The caller's own cancellation is rethrown, not explained.</summary>
    private string Explain(Exception exception, long bytesRead, CancellationToken budget, CancellationToken caller)
    {
        caller.ThrowIfCancellationRequested();
        var soFar = bytesRead > 0 ? $"; read the first {ByteSize.Format(bytesRead)}" : "";
        return exception switch
        {
            OperationCanceledException when budget.IsCancellationRequested =>
                $"the time budget of {Seconds(options.TotalBudget)} ran out{soFar}",
            OperationCanceledException => $"timed out after {Seconds(options.PageTimeout)}{soFar}",
            HttpRequestException { InnerException: { } inner } http => $"connection failed: {http.Message} ({inner.Message}){soFar}",
            HttpRequestException http => $"connection failed: {http.Message}{soFar}",
            _ => $"connection broke: {exception.Message}{soFar}",
        };
    }

    internal static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 1
            ? $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
            : $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";

    private static string Decode(MemoryStream body, MediaTypeHeaderValue? contentType)
    {
        var encoding = Encoding.UTF8;
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"', '\''));
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8;
            }
        }

        return encoding.GetString(body.GetBuffer(), 0, (int)body.Length);
    }
}
