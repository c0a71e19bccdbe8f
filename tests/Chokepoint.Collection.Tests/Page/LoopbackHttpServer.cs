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
    private readonly Func<string, Stream, CancellationToken, Task> respond;
    private readonly Task acceptLoop;
    private int requests;

    public LoopbackHttpServer(Func<string, Stream, CancellationToken, Task> respond, IPAddress? address = null)
    {
        this.respond = respond;
        listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

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
                var path = await ReadRequestPathAsync(stream, stop.Token);
                Interlocked.Increment(ref requests);
                await respond(path, stream, stop.Token);
                await stream.FlushAsync(stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up (as a bounded reader should) or the server is stopping.
            }
        }
    }

    private static async Task<string> ReadRequestPathAsync(Stream stream, CancellationToken cancellationToken)
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

        var requestLine = head.ToString().Split("\r\n")[0].Split(' ');
        return requestLine.Length > 1 ? requestLine[1] : "/";
    }
}
