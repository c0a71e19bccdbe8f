using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Chokepoint.Simulation.Web;

/// <summary>Chooses the TLS options for a connection by its SNI name; null refuses the handshake.</summary>
internal delegate SslServerAuthenticationOptions? TlsOptionsSelector(string? serverName);

/// <summary>
/// A small HTTP/1.1 server over <see cref="TcpListener"/> (and <see cref="SslStream"/> for HTTPS), bound to loopback
/// addresses only. It bounds its own work by <see cref="HttpServerLimits"/> and stops every connection on dispose.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9112">RFC 9112: HTTP/1.1</seealso>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpRequestHandler _handler;
    private readonly HttpServerLimits _limits;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpListener> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly List<Task> _connections = [];
    private readonly Dictionary<IPAddress, int> _perClient = [];
    private int _connectionCount;
    private bool _disposed;

    public LoopbackHttpServer(HttpRequestHandler handler, HttpServerLimits limits, TimeProvider timeProvider)
    {
        _handler = handler;
        _limits = limits;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Binds every address on one port: <paramref name="port"/> when not 0, otherwise a port that is free on all of
    /// them (retrying with another port when one address has it taken). Non-loopback addresses are refused.
    /// </summary>
    public int Listen(IReadOnlyList<IPAddress> addresses, int port, TlsOptionsSelector? tls)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (addresses.Count == 0)
        {
            return port;
        }

        if (addresses.FirstOrDefault(a => !IPAddress.IsLoopback(a)) is { } outside)
        {
            throw new ArgumentException($"Refusing to listen on {outside}: the simulation stays on loopback.", nameof(addresses));
        }

        const int attempts = 32;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var bound = TryBind(addresses, port);
            if (bound is not null)
            {
                foreach (var listener in bound)
                {
                    _listeners.Add(listener);
                    _acceptLoops.Add(Task.Run(() => AcceptLoopAsync(listener, tls)));
                }

                return ((IPEndPoint)bound[0].LocalEndpoint).Port;
            }

            if (port != 0)
            {
                break;
            }
        }

        throw new IOException(port != 0
            ? $"Port {port} is in use on one of the {addresses.Count} simulated addresses."
            : $"Found no port free on all {addresses.Count} simulated addresses after {attempts} attempts.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }

        await Task.WhenAll(_acceptLoops);
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stopping.Dispose();
    }

    private static List<TcpListener>? TryBind(IReadOnlyList<IPAddress> addresses, int port)
    {
        var bound = new List<TcpListener>(addresses.Count);
        try
        {
            foreach (var address in addresses)
            {
                var listener = new TcpListener(address, port);
                listener.Start(512);
                bound.Add(listener);
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            return bound;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            foreach (var listener in bound)
            {
                listener.Stop();
            }

            return null;
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener, TlsOptionsSelector? tls)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException
                || (exception is SocketException && _stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var client = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
            if (!TryAdmit(client))
            {
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            var connection = Task.Run(() => RunConnectionAsync(socket, client, tls));
            lock (_connections)
            {
                if (_connections.Count > 2 * _limits.MaxConnections)
                {
                    _connections.RemoveAll(t => t.IsCompleted);
                }

                _connections.Add(connection);
            }
        }
    }

    /// <summary>Counts a new connection against the server's and its client's limits; false when either is full.</summary>
    private bool TryAdmit(IPAddress client)
    {
        lock (_perClient)
        {
            var open = _perClient.GetValueOrDefault(client);
            if (_connectionCount >= _limits.MaxConnections || open >= _limits.MaxConnectionsPerClient)
            {
                return false;
            }

            _perClient[client] = open + 1;
            _connectionCount++;
            return true;
        }
    }

    private void Release(IPAddress client)
    {
        lock (_perClient)
        {
            var open = _perClient.GetValueOrDefault(client) - 1;
            if (open <= 0)
            {
                _perClient.Remove(client);
            }
            else
            {
                _perClient[client] = open;
            }

            _connectionCount--;
        }
    }

    private async Task RunConnectionAsync(Socket socket, IPAddress client, TlsOptionsSelector? tls)
    {
        using var io = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            string? serverName = null;
            if (tls is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                io.CancelAfter(_limits.HandshakeTimeout);
                await ssl.AuthenticateAsServerAsync(
                    (_, hello, _, _) => ValueTask.FromResult(tls(hello.ServerName)
                        ?? throw new AuthenticationException($"No certificate for '{hello.ServerName}'.")),
                    null,
                    io.Token);
                io.CancelAfter(Timeout.Infinite);
                serverName = string.IsNullOrEmpty(ssl.TargetHostName) ? null : ssl.TargetHostName;
            }

            var local = (IPEndPoint)socket.LocalEndPoint!;
            var reader = new HttpRequestReader(stream, _limits);
            var writer = new ResponseWriter(stream, io, _limits, _timeProvider);
            for (var served = 1; served <= _limits.MaxRequestsPerConnection; served++)
            {
                io.CancelAfter(served == 1 ? _limits.RequestHeadTimeout : _limits.IdleTimeout);
                var read = await reader.ReadHeadAsync(io.Token);
                io.CancelAfter(Timeout.Infinite);
                if (read.Head is not { } head)
                {
                    if (read.ErrorStatus != 0)
                    {
                        await writer.WriteAsync(Error(read.ErrorStatus), headOnly: false, keepAlive: false);
                    }

                    return;
                }

                var refusal = await ReadBodyAsync(reader, head, io);
                if (refusal is not null)
                {
                    await writer.WriteAsync(refusal, headOnly: false, keepAlive: false);
                    return;
                }

                var response = await _handler(new HttpRequestContext(head, tls is not null, serverName, local), _stopping.Token);
                var keepAlive = head.KeepAlive && !response.CloseConnection && served < _limits.MaxRequestsPerConnection;
                await writer.WriteAsync(response, head.Method == "HEAD", keepAlive);
                if (!keepAlive)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or AuthenticationException
            or OperationCanceledException or ObjectDisposedException)
        {
            // The client left, timed out or failed the handshake, or the server is stopping: drop the connection.
        }
        finally
        {
            await stream.DisposeAsync();
            Release(client);
        }
    }

    private async ValueTask<HttpResponse?> ReadBodyAsync(HttpRequestReader reader, HttpRequestHead head, CancellationTokenSource io)
    {
        if (head.Headers.ContainsKey("transfer-encoding"))
        {
            return Error(501);
        }

        if (!head.Headers.TryGetValue("content-length", out var value))
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return Error(400);
        }

        if (length > _limits.MaxRequestBodyBytes)
        {
            return Error(413);
        }

        io.CancelAfter(_limits.RequestHeadTimeout);
        var complete = await reader.DiscardAsync(length, io.Token);
        io.CancelAfter(Timeout.Infinite);
        return complete ? null : Error(400);
    }

    private static HttpResponse Error(int status) =>
        new HttpResponse(status) { Body = Encoding.UTF8.GetBytes(HttpResponse.ReasonPhrase(status) + "\n"), CloseConnection = true }
            .WithHeader("content-type", "text/plain; charset=utf-8");

    /// <summary>Writes responses, each write bounded by <see cref="HttpServerLimits.WriteTimeout"/>.</summary>
    private sealed class ResponseWriter(Stream stream, CancellationTokenSource io, HttpServerLimits limits, TimeProvider timeProvider)
    {
        private static readonly byte[] CrLf = "\r\n"u8.ToArray();
        private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();

        public async Task WriteAsync(HttpResponse response, bool headOnly, bool keepAlive)
        {
            var head = new StringBuilder();
            head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {HttpResponse.ReasonPhrase(response.Status)}\r\n");
            foreach (var (name, value) in response.Headers)
            {
                head.Append(Clean(name)).Append(": ").Append(Clean(value)).Append("\r\n");
            }

            head.Append("date: ").Append(timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
            var chunked = response.StreamedBody is not null && response.StreamedLength is null;
            if (chunked)
            {
                head.Append("transfer-encoding: chunked\r\n");
            }
            else
            {
                var length = response.StreamedBody is not null ? response.StreamedLength!.Value : response.Body.Length;
                head.Append(CultureInfo.InvariantCulture, $"content-length: {length}\r\n");
            }

            if (!keepAlive)
            {
                head.Append("connection: close\r\n");
            }

            head.Append("\r\n");
            var headBytes = Encoding.UTF8.GetBytes(head.ToString());
            if (headOnly)
            {
                await WriteRawAsync(headBytes, CancellationToken.None);
                return;
            }

            if (response.StreamedBody is null)
            {
                var all = new byte[headBytes.Length + response.Body.Length];
                headBytes.CopyTo(all, 0);
                response.Body.CopyTo(all.AsMemory(headBytes.Length));
                await WriteRawAsync(all, CancellationToken.None);
                return;
            }

            await WriteRawAsync(headBytes, CancellationToken.None);
            HttpBodyChunkWriter write = chunked ? WriteChunkAsync : WriteRawAsync;
            await response.StreamedBody(write, io.Token);
            if (chunked)
            {
                await WriteRawAsync(LastChunk, CancellationToken.None);
            }
        }

        private async ValueTask WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            if (chunk.IsEmpty)
            {
                return;
            }

            await WriteRawAsync(Encoding.ASCII.GetBytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
            await WriteRawAsync(chunk, cancellationToken);
            await WriteRawAsync(CrLf, cancellationToken);
        }

        private async ValueTask WriteRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            io.CancelAfter(limits.WriteTimeout);
            await stream.WriteAsync(bytes, io.Token);
            io.CancelAfter(Timeout.Infinite);
        }

        private static string Clean(string text) =>
            text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal)
                ? text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
                : text;
    }
}
