namespace Chokepoint.Simulation.Web;

/// <summary>The request line and header fields of an HTTP/1.1 request.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9112#section-3">RFC 9112 section 3: request line</seealso>
internal sealed record HttpRequestHead(string Method, string Target, string Version, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The path of the target, without the query.</summary>
    public string Path
    {
        get
        {
            var end = Target.IndexOfAny(['?', '#']);
            return end < 0 ? Target : Target[..end];
        }
    }

    /// <summary>The host named by the Host header, lower case, without port or trailing dot; empty when absent.</summary>
    public string Host
    {
        get
        {
            if (!Headers.TryGetValue("host", out var host))
            {
                return "";
            }

            host = host.Trim();
            if (host.StartsWith('['))
            {
                var close = host.IndexOf(']', StringComparison.Ordinal);
                return close < 0 ? host : host[..(close + 1)];
            }

            var colon = host.LastIndexOf(':');
            if (colon >= 0)
            {
                host = host[..colon];
            }

            return host.TrimEnd('.').ToLowerInvariant();
        }
    }

    /// <summary>Whether the client asked for the connection to stay open after the response.</summary>
    public bool KeepAlive
    {
        get
        {
            var connection = Headers.TryGetValue("connection", out var value) ? value : "";
            if (Version == "HTTP/1.0")
            {
                return connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
            }

            return !connection.Contains("close", StringComparison.OrdinalIgnoreCase);
        }
    }
}
