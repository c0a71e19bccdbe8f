namespace Chokepoint.Collection.Transport;

/// <summary>Which addresses the collectors may connect to; see <see cref="AddressPolicy"/>.</summary>
public enum AddressPolicyMode
{
    /// <summary>
    /// Public unicast addresses only: loopback, private (RFC 1918), shared (CGNAT), link-local, unique-local,
    /// multicast, broadcast, unspecified and reserved ranges are refused, also when embedded in an IPv6 address.
    /// </summary>
    PublicInternet,

    /// <summary>Loopback only (127.0.0.0/8 and ::1): the simulated internet, and nothing else.</summary>
    Simulation,

    /// <summary>Every address; only ever by the user's explicit choice (e.g. auditing an intranet).</summary>
    Unrestricted,
}
