using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.World;

/// <summary>Syntax checks for the values a world file holds: names, loopback addresses, prefixes and record data.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-2.3.1">RFC 1035 §2.3.1 (name syntax)</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 §5.1 (presentation format)</seealso>
internal static class WorldSyntax
{
    /// <summary>The record types a world may hold (DS and DNSKEY are derived from flags).</summary>
    public static IReadOnlySet<string> RecordTypes { get; } =
        new HashSet<string>(["SOA", "NS", "A", "AAAA", "CNAME", "MX", "TXT", "CAA"], StringComparer.OrdinalIgnoreCase);

    /// <summary>EPP status values (RFC 5731 §2.3 and RFC 3915 §3.1).</summary>
    public static IReadOnlySet<string> EppStatuses { get; } = new HashSet<string>(
        [
            "ok", "inactive", "clientHold", "serverHold", "clientDeleteProhibited", "serverDeleteProhibited",
            "clientRenewProhibited", "serverRenewProhibited", "clientTransferProhibited", "serverTransferProhibited",
            "clientUpdateProhibited", "serverUpdateProhibited", "pendingCreate", "pendingDelete", "pendingRenew",
            "pendingTransfer", "pendingUpdate", "addPeriod", "autoRenewPeriod", "renewPeriod", "transferPeriod",
            "redemptionPeriod", "pendingRestore",
        ],
        StringComparer.Ordinal);

    private static readonly IPAddress LoopbackNetwork = IPAddress.Parse("127.0.0.0");

    /// <summary>
    /// The earliest certificate date a world may hold: UTCTime, which X.509 uses through 2049, starts in 1950
    /// (RFC 5280 §4.1.2.5.1); a day later, so that the simulated root can start a day before it.
    /// </summary>
    public static DateTimeOffset EarliestCertificateDate { get; } = new(1950, 1, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The latest certificate date a world may hold: GeneralizedTime ends at 9999-12-31T23:59:59Z (RFC 5280
    /// §4.1.2.5.2, which also names that instant as "no well-defined expiration"); a day earlier, so that the
    /// simulated root can end a day after it.
    /// </summary>
    public static DateTimeOffset LatestCertificateDate { get; } = new(9999, 12, 30, 23, 59, 59, TimeSpan.Zero);

    /// <summary>
    /// A host or domain name: dot-separated labels of letters, digits, hyphens (not at either end) and underscores,
    /// at most 63 characters each and 253 in all; an optional trailing dot; "*" allowed as the first label when
    /// <paramref name="allowWildcard"/>. The last label (the TLD) must start with a letter: an all-numeric or hex
    /// last label ("2130706433", "127.0.0.1", "0x7f.1") is how an address is written, and URL parsers read it as one
    /// (RFC 3696 §2: a TLD is never all-numeric).
    /// </summary>
    public static bool IsDomainName(string name, bool allowWildcard = false)
    {
        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }

        if (name.Length is 0 or > 253)
        {
            return false;
        }

        var labels = name.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (allowWildcard && i == 0 && label == "*")
            {
                continue;
            }

            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }

            if (i == labels.Length - 1 && !char.IsAsciiLetter(label[0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower case, without a trailing dot.</summary>
    public static string Key(string name) => name.TrimEnd('.').ToLowerInvariant();

    /// <summary>Whether <paramref name="address"/> is an IPv4 address in 127.0.0.0/8 or the IPv6 loopback ::1.</summary>
    public static bool IsLoopback(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => address.GetAddressBytes()[0] == 127,
        AddressFamily.InterNetworkV6 => address.Equals(IPAddress.IPv6Loopback),
        _ => false,
    };

    /// <summary>
    /// Checks an address literal; null when it is written in its usual form and lies on loopback, otherwise the
    /// reason. IPv4 must be four decimal parts without leading zeros ("127.0.0.1"): the integer ("2130706433"),
    /// short ("127.1"), octal ("0177.0.0.1") and hex forms that parsers accept are refused, since tools disagree on them.
    /// </summary>
    public static string? CheckAddress(string text, AddressFamily? family = null)
    {
        if (!TryParseAddress(text, out var address) || (family is { } f && address.AddressFamily != f))
        {
            return family == AddressFamily.InterNetworkV6 ? $"'{text}' is not an IPv6 address"
                : family == AddressFamily.InterNetwork ? $"'{text}' is not an IPv4 address"
                : $"'{text}' is not an IP address";
        }

        return IsLoopback(address) ? null : $"address '{text}' is outside 127.0.0.0/8 and ::1 (worlds are served on loopback)";
    }

    /// <summary>An address in the form <see cref="CheckAddress"/> accepts: dotted-quad IPv4 or IPv6 without a zone.</summary>
    public static bool TryParseAddress(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        if (!IPAddress.TryParse(text, out address) || text.Contains('%', StringComparison.Ordinal)
            || (address.AddressFamily == AddressFamily.InterNetwork && address.ToString() != text)
            || (address.AddressFamily == AddressFamily.InterNetworkV6 && !text.Contains(':', StringComparison.Ordinal)))
        {
            address = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Checks a CIDR prefix; null when it is valid, has no host bits set (127.16.0.0/16, not 127.16.5.1/16) and lies
    /// inside 127.0.0.0/8 (or is ::1/128).
    /// </summary>
    public static string? CheckPrefix(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !TryParseAddress(text[..slash], out var baseAddress)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || text[(slash + 1)..] != length.ToString(CultureInfo.InvariantCulture)
            || length > (baseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        {
            return $"'{text}' is not a CIDR prefix (e.g. 127.16.0.0/16)";
        }

        var network = new IPNetwork(Masked(baseAddress, length), length);
        if (!network.BaseAddress.Equals(baseAddress))
        {
            return $"prefix '{text}' has host bits set; the network is {network}";
        }

        if (network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return network.BaseAddress.Equals(IPAddress.IPv6Loopback) && network.PrefixLength == 128
                ? null : $"IPv6 prefix '{text}' is not ::1/128";
        }

        return network.PrefixLength >= 8 && new IPNetwork(LoopbackNetwork, 8).Contains(network.BaseAddress)
            ? null : $"prefix '{text}' is not inside 127.0.0.0/8";
    }

    private static IPAddress Masked(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    /// <summary>Checks record data of <paramref name="type"/> in presentation format; null when it is usable.</summary>
    public static string? CheckRecordData(string type, string data)
    {
        if (!PresentationTokenizer.TryTokenize(data, out var fields, out var error))
        {
            return error;
        }

        var tokens = fields.ConvertAll(field => field.Text);

        string? Count(int expected) => tokens.Count == expected ? null : $"{type} data needs {expected} fields, got {tokens.Count}";
        string? Name(string text) => text is "@" or "." || IsDomainName(text) ? null : $"'{text}' is not a valid name";
        switch (type.ToUpperInvariant())
        {
            case "A":
                return Count(1) ?? CheckAddress(tokens[0], AddressFamily.InterNetwork);
            case "AAAA":
                return Count(1) ?? CheckAddress(tokens[0], AddressFamily.InterNetworkV6);
            case "NS":
            case "CNAME":
                return Count(1) ?? Name(tokens[0]);
            case "MX":
                return Count(2) ?? (ushort.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    ? Name(tokens[1]) : $"'{tokens[0]}' is not an MX preference (0-65535); expected \"preference host\"");
            case "SOA":
                if (Count(7) is { } soaError)
                {
                    return soaError + " (mname rname serial refresh retry expire minimum)";
                }

                return Name(tokens[0]) ?? Name(tokens[1])
                    ?? tokens.Skip(2).Where(t => !uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                        .Select(t => $"'{t}' is not an SOA number").FirstOrDefault();
            case "TXT":
                return tokens.Count == 0 ? "TXT data needs at least one string" : null;
            case "CAA":
                if (Count(3) is { } caaError)
                {
                    return caaError + " (flags tag value)";
                }

                if (!byte.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return $"'{tokens[0]}' is not a CAA flags byte (0-255)";
                }

                return tokens[1].Length > 0 && tokens[1].All(char.IsAsciiLetterOrDigit) ? null : $"'{tokens[1]}' is not a CAA tag";
            default:
                return $"unknown record type '{type}'; expected one of {string.Join(", ", RecordTypes)}";
        }
    }
}
