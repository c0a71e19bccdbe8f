using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Dns;

/// <summary>Longest-prefix match over the world's address space: one dictionary per prefix length.</summary>
internal sealed class AddressPrefixTable
{
    private readonly Dictionary<(bool V6, int Length, UInt128 Network), AddressPrefix> _prefixes = [];
    private readonly SortedSet<int> _v4Lengths = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedSet<int> _v6Lengths = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private readonly Dictionary<int, AddressPrefix> _byAsn = [];

    public bool TryAdd(AddressPrefix prefix)
    {
        var slash = prefix.Prefix.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? prefix.Prefix : prefix.Prefix[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var bits = v6 ? 128 : 32;
        var length = bits;
        if (slash >= 0 && (!int.TryParse(prefix.Prefix.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > bits))
        {
            return false;
        }

        _prefixes.TryAdd((v6, length, Mask(ToNumber(address), length, bits)), prefix);
        (v6 ? _v6Lengths : _v4Lengths).Add(length);
        _byAsn.TryAdd(prefix.Asn, prefix);
        return true;
    }

    /// <summary>The most specific prefix containing <paramref name="address"/>, if any.</summary>
    public AddressPrefix? Match(IPAddress address)
    {
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var bits = v6 ? 128 : 32;
        var number = ToNumber(address);
        foreach (var length in v6 ? _v6Lengths : _v4Lengths)
        {
            if (_prefixes.TryGetValue((v6, length, Mask(number, length, bits)), out var prefix))
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>The first prefix announced by <paramref name="asn"/>, for its organisation name.</summary>
    public AddressPrefix? ByAsn(int asn) => _byAsn.GetValueOrDefault(asn);

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (var b in address.GetAddressBytes())
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static UInt128 Mask(UInt128 value, int length, int bits) =>
        length == 0 ? 0 : value & (UInt128.MaxValue << (bits - length)) & (bits == 128 ? UInt128.MaxValue : ((UInt128)1 << bits) - 1);
}
