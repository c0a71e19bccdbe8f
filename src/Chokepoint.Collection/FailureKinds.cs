using System.Net.Sockets;
using System.Security.Authentication;
using Chokepoint.Observations;

namespace Chokepoint.Collection;

/// <summary>Which kind of gap a network exception leaves, from its type and error codes (never from its message).</summary>
internal static class FailureKinds
{
    /// <summary>
    /// <see cref="GapKind.RefusedByPolicy"/> for a connection the address policy refused (nothing was sent),
    /// <see cref="GapKind.TlsInvalid"/> for a failed handshake, <see cref="GapKind.Refused"/> for a refused
    /// connection, <see cref="GapKind.Malformed"/> for an unreadable HTTP response, <see cref="GapKind.ConnectionFailed"/>
    /// for any other transport failure, <see cref="GapKind.Failed"/> for anything else.
    /// </summary>
    public static GapKind Of(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case Transport.AddressRefusedException:
                    return GapKind.RefusedByPolicy;
                case AuthenticationException:
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return GapKind.TlsInvalid;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return GapKind.Refused;
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }:
                    return GapKind.Malformed;
            }
        }

        return exception is HttpRequestException or IOException or SocketException ? GapKind.ConnectionFailed : GapKind.Failed;
    }
}
