using System.Net.Sockets;

namespace Chokepoint.Collection.Transport;

/// <summary>Turns a network exception into a reason a user can act on.</summary>
public static class FailureText
{
    /// <summary>The messages of the exception and its inner exceptions, most specific last, without repeats.</summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current switch
            {
                SocketException socket => socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                    SocketError.ConnectionReset => "connection reset",
                    _ => socket.Message,
                },
                _ => current.Message,
            };
            message = message.Trim().TrimEnd('.');
            if (message.Length > 0 && !parts.Exists(p => p.Contains(message, StringComparison.OrdinalIgnoreCase)))
            {
                parts.Add(message);
            }
        }

        return parts.Count == 0 ? exception.GetType().Name : string.Join(": ", parts);
    }
}
