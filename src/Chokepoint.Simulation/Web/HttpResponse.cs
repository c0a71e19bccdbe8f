namespace Chokepoint.Simulation.Web;

/// <summary>Writes one piece of a streamed body.</summary>
internal delegate ValueTask HttpBodyChunkWriter(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);

/// <summary>Produces a streamed body by calling the writer until done.</summary>
internal delegate Task HttpBodyProducer(HttpBodyChunkWriter write, CancellationToken cancellationToken);

/// <summary>A response to write: status, header fields, and either a body in memory or a streamed one.</summary>
internal sealed class HttpResponse
{
    public HttpResponse(int status) => Status = status;

    public int Status { get; }

    /// <summary>Header fields in order; Date, Content-Length/Transfer-Encoding and Connection are added when written.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>When set, the body is streamed by this producer instead of <see cref="Body"/>.</summary>
    public HttpBodyProducer? StreamedBody { get; init; }

    /// <summary>Length of <see cref="StreamedBody"/>; null sends it chunked.</summary>
    public long? StreamedLength { get; init; }

    /// <summary>Whether to close the connection after this response.</summary>
    public bool CloseConnection { get; init; }

    public HttpResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        410 => "Gone",
        413 => "Content Too Large",
        421 => "Misdirected Request",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
