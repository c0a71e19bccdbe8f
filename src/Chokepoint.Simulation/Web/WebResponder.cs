using System.Text;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Web;

/// <summary>
/// Answers web requests from the world: picks the <see cref="WebHost"/> by Host header, applies the host's faults,
/// redirects plain HTTP to HTTPS when asked to, and serves its <see cref="Page"/>s.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110: HTTP semantics</seealso>
internal sealed class WebResponder
{
    /// <summary>Size of the "oversized-page" body.</summary>
    public const long OversizedBytes = 50L * 1024 * 1024;

    private const int SlowChunkBytes = 16;
    private static readonly byte[] Filler = MakeFiller(16 * 1024);

    private readonly Dictionary<string, WebHost> _hosts;
    private readonly FaultIndex _faults;
    private readonly TimeProvider _timeProvider;

    public WebResponder(World.World world, TimeProvider timeProvider)
    {
        _hosts = new(StringComparer.OrdinalIgnoreCase);
        foreach (var host in world.WebHosts)
        {
            _hosts.TryAdd(host.Host.TrimEnd('.'), host);
        }

        _faults = new FaultIndex(world);
        _timeProvider = timeProvider;
    }

    public async ValueTask<HttpResponse> RespondAsync(HttpRequestContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var hostName = request.Host;
        if (context.IsHttps && !string.Equals(hostName, context.ServerName?.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            return Text(421, "This server does not serve that host on this connection.\n");
        }

        if (!_hosts.TryGetValue(hostName, out var host))
        {
            return Text(404, "Unknown host.\n");
        }

        if (request.Method is not ("GET" or "HEAD"))
        {
            return Decorate(host, null, Text(405, "Method not allowed.\n").WithHeader("allow", "GET, HEAD"));
        }

        var target = "web:" + host.Host;
        if (_faults.Find(target, FaultKinds.Delay) is { DelayMs: > 0 } delay)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay.DelayMs), _timeProvider, cancellationToken);
        }

        var scheme = context.IsHttps ? "https" : "http";
        if (_faults.Has(target, FaultKinds.Http500))
        {
            return Decorate(host, null, Text(500, "Internal server error.\n"));
        }

        if (_faults.Has(target, FaultKinds.RedirectLoop))
        {
            var looped = request.Target.Contains("loop=1", StringComparison.Ordinal);
            var location = $"{scheme}://{host.Host}{request.Path}{(looped ? "" : "?loop=1")}";
            return Decorate(host, null, Text(302, "Redirecting.\n").WithHeader("location", location));
        }

        if (_faults.Find(target, FaultKinds.EndlessBody) is { } endless)
        {
            return Decorate(host, null, new HttpResponse(200)
            {
                StreamedBody = (write, token) => WriteEndlessAsync(write, endless.DelayMs, token),
                CloseConnection = true,
            }.WithHeader("content-type", "text/html; charset=utf-8"));
        }

        if (_faults.Has(target, FaultKinds.OversizedPage))
        {
            return Decorate(host, null, new HttpResponse(200)
            {
                StreamedBody = WriteOversizedAsync,
                StreamedLength = OversizedBytes,
                CloseConnection = true,
            }.WithHeader("content-type", "text/html; charset=utf-8"));
        }

        if (!context.IsHttps && host.RedirectHttpToHttps && host.Certificate is not null)
        {
            return Decorate(host, null, Text(301, "Moved.\n").WithHeader("location", $"https://{host.Host}{request.Target}"));
        }

        var page = host.Pages.FirstOrDefault(p => string.Equals(p.Path, request.Path, StringComparison.Ordinal));
        if (page is null)
        {
            return Decorate(host, null, Text(404, "Not found.\n"));
        }

        var body = Encoding.UTF8.GetBytes(page.Body);
        HttpResponse response;
        if (page.Redirect is not null)
        {
            response = new HttpResponse(page.Status is >= 300 and < 400 ? page.Status : 301) { Body = body }
                .WithHeader("location", page.Redirect);
        }
        else if (_faults.Find(target, FaultKinds.SlowBody) is { } slow)
        {
            response = new HttpResponse(page.Status)
            {
                StreamedBody = (write, token) => WriteSlowlyAsync(body, slow.DelayMs, write, token),
                StreamedLength = body.Length,
                CloseConnection = true,
            };
        }
        else
        {
            response = new HttpResponse(page.Status) { Body = body };
        }

        return Decorate(host, page, response);
    }

    private static HttpResponse Text(int status, string text) =>
        new HttpResponse(status) { Body = Encoding.UTF8.GetBytes(text) }.WithHeader("content-type", "text/plain; charset=utf-8");

    private static HttpResponse Decorate(WebHost host, Page? page, HttpResponse response)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, string value)
        {
            if (names.Add(name))
            {
                headers.Add(new(name, value));
            }
        }

        foreach (var (name, value) in response.Headers.Where(h => !h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
        {
            Add(name, value);
        }

        if (page is not null)
        {
            foreach (var (name, value) in page.Headers)
            {
                Add(name, value);
            }

            Add("content-type", page.ContentType);
        }

        foreach (var (name, value) in host.Headers)
        {
            Add(name, value);
        }

        foreach (var (name, value) in response.Headers.Where(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
        {
            Add(name, value);
        }

        response.Headers.Clear();
        response.Headers.AddRange(headers);
        return response;
    }

    private async Task WriteSlowlyAsync(byte[] body, int delayMs, HttpBodyChunkWriter write, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < body.Length; offset += SlowChunkBytes)
        {
            if (offset > 0 && delayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delayMs), _timeProvider, cancellationToken);
            }

            await write(body.AsMemory(offset, Math.Min(SlowChunkBytes, body.Length - offset)), cancellationToken);
        }
    }

    private async Task WriteEndlessAsync(HttpBodyChunkWriter write, int delayMs, CancellationToken cancellationToken)
    {
        // Ends only when the client goes (the write fails) or the server stops (cancellation).
        while (true)
        {
            await write(Filler, cancellationToken);
            if (delayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delayMs), _timeProvider, cancellationToken);
            }
        }
    }

    private static async Task WriteOversizedAsync(HttpBodyChunkWriter write, CancellationToken cancellationToken)
    {
        for (long remaining = OversizedBytes; remaining > 0; remaining -= Filler.Length)
        {
            await write(Filler.AsMemory(0, (int)Math.Min(Filler.Length, remaining)), cancellationToken);
        }
    }

    private static byte[] MakeFiller(int length)
    {
        var unit = "<p>lorem ipsum dolor sit amet</p>\n"u8;
        var filler = new byte[length];
        for (var offset = 0; offset < length; offset += unit.Length)
        {
            unit[..Math.Min(unit.Length, length - offset)].CopyTo(filler.AsSpan(offset));
        }

        return filler;
    }
}
