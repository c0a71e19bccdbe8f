using System.Net;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// A connection the <see cref="AddressPolicy"/> refused before any packet was sent. Derives from
/// <see cref="IOException"/> so that every transport's failure path reports it as a gap.
/// </summary>
public sealed class AddressRefusedException : IOException
{
    /// <summary>Creates the exception for <paramref name="address"/>, refused because it is <paramref name="why"/>.</summary>
    public AddressRefusedException(IPAddress address, string why)
        : base($"{AddressPolicy.ReasonPrefix}: {address} is {why}")
    {
        Address = address;
        Why = why;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AddressRefusedException()
        : this(IPAddress.None, "refused")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AddressRefusedException(string message)
        : base(message)
    {
        Address = IPAddress.None;
        Why = message;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Address = IPAddress.None;
        Why = message;
    }

    /// <summary>The refused address.</summary>
    public IPAddress Address { get; }

    /// <summary>What the address is, e.g. "private (RFC 1918)".</summary>
    public string Why { get; }
}
