using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chokepoint.Collection.Tests.Page;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 (port chosen by the system) whose responses are written by hand, so tests can
/// misbehave exactly: endless bodies, lies about length, slow trickles, redirect loops. One request per connection.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Func<RequestHead, Stream, CancellationToken, Task> respond;
    private readonly Task acceptLoop;
    private int requests;

    public LoopbackHttpServer(Func<string, Stream, CancellationToken, Task> respond, IPAddress? address = null)
        : this((RequestHead head, Stream stream, CancellationToken ct) => respond(head.Path, stream, ct), address, heads: true)
    {
    }

    private LoopbackHttpServer(Func<RequestHead, Stream, CancellationToken, Task> respond, IPAddress? address, bool heads)
    {
        _ = heads;
        this.respond = respond;
        listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>A server whose responder sees the request's method and header lines too.</summary>
    public static LoopbackHttpServer Answering(Func<RequestHead, Stream, CancellationToken, Task> respond, IPAddress? address = null) =>
        new(respond, address, heads: true);

    public Uri Url(string path = "/") => new($"http://{((IPEndPoint)listener.LocalEndpoint).Address}:{Port}{path}");

    public int Requests => Volatile.Read(ref requests);

    /// <summary>An HttpClient that talks to loopback only: no proxy, no automatic redirects.</summary>
    public static HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };

    public static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Writes a complete response with a Content-Length.</summary>
    public static async Task RespondAsync(Stream stream, int status, string contentType, string body, CancellationToken cancellationToken, string extraHeaders = "")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteAsync(stream, $"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n{extraHeaders}\r\n", cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    public static Task RedirectAsync(Stream stream, string location, CancellationToken cancellationToken) =>
        WriteAsync(stream, $"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadRequestHeadAsync(stream, stop.Token);
                Interlocked.Increment(ref requests);
                await respond(head, stream, stop.Token);
                await stream.FlushAsync(stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up (as a bounded reader should) or the server is stopping.
            }
        }
    }

    private static async Task<RequestHead> ReadRequestHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16 * 1024)
        {
            if (await stream.ReadAsync(buffer, cancellationToken) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
        }

        var lines = head.ToString().Split("\r\n");
        var requestLine = lines[0].Split(' ');
        return new RequestHead(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", [.. lines.Skip(1).Where(line => line.Length > 0)]);
    }

    /// <summary>A request's method, target and header lines as sent.</summary>
    public sealed record RequestHead(string Method, string Path, IReadOnlyList<string> HeaderLines)
    {
        /// <summary>The value of the first header named <paramref name="name"/>, or null.</summary>
        public string? Header(string name) => HeaderLines
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }
}
