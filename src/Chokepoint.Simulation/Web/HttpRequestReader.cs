using System.Text;

namespace Chokepoint.Simulation.Web;

/// <summary>The outcome of reading a request head: the head, or the status to refuse it with, or neither (the client left).</summary>
internal readonly record struct HttpReadResult(HttpRequestHead? Head, int ErrorStatus)
{
    public static HttpReadResult Closed => new(null, 0);
}

/// <summary>
/// Reads HTTP/1.1 request heads from a connection into a fixed buffer of <see cref="HttpServerLimits.MaxRequestHeadBytes"/>,
/// so that a client cannot make the server hold more than that.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9112">RFC 9112: HTTP/1.1</seealso>
internal sealed class HttpRequestReader(Stream stream, HttpServerLimits limits)
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private readonly byte[] _buffer = new byte[limits.MaxRequestHeadBytes];
    private int _start;
    private int _end;

    public async ValueTask<HttpReadResult> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = _buffer.AsSpan(_start, _end - _start).IndexOf(HeadEnd);
            if (index >= 0)
            {
                var head = Parse(_buffer.AsSpan(_start, index));
                _start += index + HeadEnd.Length;
                return head;
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                return new HttpReadResult(null, 431);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return HttpReadResult.Closed;
            }

            _end += read;
        }
    }

    /// <summary>Reads and drops <paramref name="length"/> body bytes; false when the client left first.</summary>
    public async ValueTask<bool> DiscardAsync(long length, CancellationToken cancellationToken)
    {
        var buffered = Math.Min(length, _end - _start);
        _start += (int)buffered;
        length -= buffered;
        while (length > 0)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(0, (int)Math.Min(length, _buffer.Length)), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            length -= read;
        }

        return true;
    }

    private HttpReadResult Parse(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0].Length == 0 || requestLine[1].Length == 0
            || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return new HttpReadResult(null, 400);
        }

        if (lines.Length - 1 > limits.MaxHeaderCount)
        {
            return new HttpReadResult(null, 431);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[0] is ' ' or '\t' || line[colon - 1] is ' ' or '\t')
            {
                // No name, obsolete line folding, or whitespace before the colon: all rejected by RFC 9112.
                return new HttpReadResult(null, 400);
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        return new HttpReadResult(new HttpRequestHead(requestLine[0], requestLine[1], requestLine[2], headers), 0);
    }
}
