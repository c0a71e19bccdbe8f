using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// The one rule for where the collectors may connect, checked on the address actually connected to (the HTTP
/// handler's connect callback, the DNS transport for every server asked, the TLS collector's socket), so a name
/// that resolves to a public address first and a private one next (DNS rebinding) is still refused at connect
/// time. A refusal is a gap of kind <see cref="GapKind.RefusedByPolicy"/> whose reason starts with
/// <see cref="ReasonPrefix"/>, never a silent skip. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The default mode (<see cref="DefaultMode"/>): <see cref="AddressPolicyMode.PublicInternet"/> for the profile
/// named "internet"; <see cref="AddressPolicyMode.Simulation"/> for any other profile whose resolver and RDAP
/// bootstrap are both given as loopback addresses (what <c>chokepoint sim serve</c> writes);
/// <see cref="AddressPolicyMode.PublicInternet"/> otherwise. <see cref="AddressPolicyMode.Unrestricted"/> is
/// never a default.
/// </remarks>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc6890">RFC 6890: Special-Purpose IP Address Registries</seealso>
public sealed class AddressPolicy
{
    /// <summary>How every refusal reason starts: "refused by the address policy: 10.0.0.1 is private (RFC 1918)".</summary>
    public const string ReasonPrefix = "refused by the address policy";

    private static readonly Ipv4Range[] RefusedIpv4 =
    [
        new(0x00000000, 32, "unspecified"),
        new(0xFFFFFFFF, 32, "broadcast"),
        new(0xA9FEA9FE, 32, "link-local (cloud metadata service)"),
        new(0x00000000, 8, "in 0.0.0.0/8 (this network)"),
        new(0x7F000000, 8, "loopback"),
        new(0x0A000000, 8, "private (RFC 1918)"),
        new(0xAC100000, 12, "private (RFC 1918)"),
        new(0xC0A80000, 16, "private (RFC 1918)"),
        new(0x64400000, 10, "shared address space (CGNAT, RFC 6598)"),
        new(0xA9FE0000, 16, "link-local"),
        new(0xE0000000, 4, "multicast"),
        new(0xF0000000, 4, "reserved (240.0.0.0/4)"),
        new(0xC0000000, 24, "IETF protocol assignments (192.0.0.0/24, RFC 6890)"),
        new(0xC0000200, 24, "documentation (TEST-NET-1, RFC 5737)"),
        new(0xC6336400, 24, "documentation (TEST-NET-2, RFC 5737)"),
        new(0xCB007100, 24, "documentation (TEST-NET-3, RFC 5737)"),
        new(0xC6120000, 15, "benchmarking (198.18.0.0/15, RFC 2544; also proxies' fake-IP answers)"),
    ];

    private readonly HashSet<IPAddress> exceptions;

    /// <summary>A policy in <paramref name="mode"/>; addresses in <paramref name="exceptions"/> are always allowed.</summary>
    public AddressPolicy(AddressPolicyMode mode, IEnumerable<IPAddress>? exceptions = null)
    {
        Mode = mode;
        this.exceptions = [.. (exceptions ?? []).Select(Canonical)];
    }

    /// <summary>Public unicast addresses only.</summary>
    public static AddressPolicy PublicInternet { get; } = new(AddressPolicyMode.PublicInternet);

    /// <summary>Loopback only.</summary>
    public static AddressPolicy Simulation { get; } = new(AddressPolicyMode.Simulation);

    /// <summary>Everything.</summary>
    public static AddressPolicy Unrestricted { get; } = new(AddressPolicyMode.Unrestricted);

    /// <summary>The mode.</summary>
    public AddressPolicyMode Mode { get; }

    /// <summary>The addresses allowed whatever the mode.</summary>
    public IReadOnlyCollection<IPAddress> Exceptions => exceptions;

    /// <summary>The mode for <paramref name="profile"/> when none is set explicitly (see the remarks of the type).</summary>
    public static AddressPolicyMode DefaultMode(NetworkProfile profile)
    {
        if (string.Equals(profile.Name, NetworkProfile.Internet.Name, StringComparison.OrdinalIgnoreCase))
        {
            return AddressPolicyMode.PublicInternet;
        }

        var resolverIsLoopback = profile.Resolver is { Length: > 0 } resolver
            && IPEndPoint.TryParse(resolver.Trim(), out var endPoint) && IsLoopback(endPoint.Address);
        var bootstrapIsLoopback = profile.RdapBootstrap is { Length: > 0 } url
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var host) && IsLoopback(host);
        return resolverIsLoopback && bootstrapIsLoopback ? AddressPolicyMode.Simulation : AddressPolicyMode.PublicInternet;
    }

    /// <summary>True when <paramref name="address"/> may be connected to.</summary>
    public bool Allows(IPAddress address) => Refusal(address) is null;

    /// <summary>Null when <paramref name="address"/> is allowed; otherwise what it is, e.g. "private (RFC 1918)".</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var canonical = Canonical(address);
        if (Mode == AddressPolicyMode.Unrestricted || exceptions.Contains(canonical))
        {
            return null;
        }

        if (Mode == AddressPolicyMode.Simulation)
        {
            return IsLoopback(canonical) ? null : "not loopback (the simulation allows loopback only)";
        }

        return canonical.AddressFamily == AddressFamily.InterNetwork ? RefusedV4(canonical) : RefusedV6(canonical);
    }

    /// <summary>Throws <see cref="AddressRefusedException"/> when <paramref name="address"/> is refused.</summary>
    public void EnsureAllowed(IPAddress address)
    {
        if (Refusal(address) is { } why)
        {
            throw new AddressRefusedException(address, why);
        }
    }

    /// <summary>The refusal reason for <paramref name="address"/>, or null: "refused by the address policy: 10.0.0.1 is private (RFC 1918)".</summary>
    public string? RefusalReason(IPAddress address) =>
        Refusal(address) is { } why ? $"{ReasonPrefix}: {address} is {why}" : null;

    private static bool IsLoopback(IPAddress address)
    {
        var canonical = Canonical(address);
        return canonical.AddressFamily == AddressFamily.InterNetwork
            ? canonical.GetAddressBytes()[0] == 127
            : canonical.Equals(IPAddress.IPv6Loopback);
    }

    /// <summary>IPv4-mapped IPv6 addresses as the IPv4 address they reach; scope ids dropped.</summary>
    private static IPAddress Canonical(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes())
            : address;
    }

    private static string? RefusedV4(IPAddress address)
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());
        return RefusedIpv4.FirstOrDefault(r => r.Contains(value))?.What;
    }

    private static string? RefusedV6(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6None))
        {
            return "unspecified";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (EmbeddedIpv4(bytes) is { } embedded)
        {
            return RefusedV4(embedded.Address) is { } why ? $"{embedded.Form} {embedded.Address}, {why}" : null;
        }

        var span = bytes.AsSpan();
        if (span[..6].SequenceEqual(LocalNat64Prefix))
        {
            // 64:ff9b:1::/48 (RFC 8215): a network's own translator, which may reach its private IPv4 addresses.
            return "local-use NAT64 (64:ff9b:1::/48, RFC 8215)";
        }

        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0)
        {
            return "Teredo (2001::/32): tunnelled to an IPv4 address";
        }

        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8)
        {
            return "documentation (2001:db8::/32, RFC 3849)";
        }

        if (span[..8].SequenceEqual(DiscardPrefix))
        {
            return "discard-only (100::/64, RFC 6666)";
        }

        return bytes[0] switch
        {
            0xFF => "multicast",
            0xFE when (bytes[1] & 0xC0) == 0x80 => "link-local",
            0xFE when (bytes[1] & 0xC0) == 0xC0 => "site-local (deprecated)",
            0xFC or 0xFD => "unique-local (fc00::/7)",
            _ => null,
        };
    }

    /// <summary>The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address.</summary>
    private static (string Form, IPAddress Address)? EmbeddedIpv4(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return ("IPv4-compatible", new IPAddress(span[12..]));
        }

        if (span[..12].SequenceEqual(Nat64Prefix))
        {
            return ("NAT64", new IPAddress(span[12..]));
        }

        return bytes[0] == 0x20 && bytes[1] == 0x02 ? ("6to4", new IPAddress(span[2..6])) : null;
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0];

    private static ReadOnlySpan<byte> LocalNat64Prefix => [0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01];

    private static ReadOnlySpan<byte> DiscardPrefix => [0x01, 0x00, 0, 0, 0, 0, 0, 0];

    private sealed record Ipv4Range(uint Start, int PrefixLength, string What)
    {
        public bool Contains(uint value) => PrefixLength == 0 || (value ^ Start) >> (32 - PrefixLength) == 0;
    }
}
