using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Asn;

/// <summary>
/// Writes a world's <see cref="World.World.AddressSpace"/> in the CSV format of the npm package
/// <c>@ip-location-db/asn</c>: no header, one inclusive range a line, <c>start_ip,end_ip,asn,organization</c>,
/// sorted, non-overlapping (a more specific prefix wins over the one that contains it), the organisation quoted when
/// it holds a comma or a quote.
/// </summary>
/// <seealso href="https://www.npmjs.com/package/@ip-location-db/asn">@ip-location-db/asn</seealso>
public static class AsnDatabaseWriter
{
    /// <summary>File name of the IPv4 ranges.</summary>
    public const string IPv4FileName = "asn-ipv4.csv";

    /// <summary>File name of the IPv6 ranges.</summary>
    public const string IPv6FileName = "asn-ipv6.csv";

    /// <summary>The CSV text for the prefixes of one address family; prefixes that do not parse are skipped.</summary>
    public static string Format(IEnumerable<AddressPrefix> prefixes, AddressFamily family)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        var parsed = prefixes.Select(Parse).OfType<ParsedPrefix>().Where(p => p.Family == family).ToList();
        var max = bits == 32 ? uint.MaxValue : UInt128.MaxValue;
        var points = parsed.Select(p => p.Start)
            .Concat(parsed.Where(p => p.End != max).Select(p => p.End + 1))
            .Distinct()
            .Order()
            .ToList();

        var text = new StringBuilder();
        (UInt128 Start, UInt128 End, ParsedPrefix Owner)? pending = null;
        for (var index = 0; index < points.Count; index++)
        {
            var start = points[index];
            var end = index + 1 < points.Count ? points[index + 1] - 1 : max;
            var owner = parsed.Where(p => p.Start <= start && start <= p.End).MaxBy(p => p.Length);
            if (pending is { } open && (owner is null || !ReferenceEquals(open.Owner, owner) || open.End + 1 != start))
            {
                AppendLine(text, open.Start, open.End, open.Owner, family);
                pending = null;
            }

            if (owner is not null)
            {
                pending = pending is { } same ? (same.Start, end, owner) : (start, end, owner);
            }
        }

        if (pending is { } last)
        {
            AppendLine(text, last.Start, last.End, last.Owner, family);
        }

        return text.ToString();
    }

    /// <summary>Writes <see cref="IPv4FileName"/> and <see cref="IPv6FileName"/> into <paramref name="directory"/>.</summary>
    public static async Task<AsnDatabaseFiles> WriteAsync(World.World world, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        Directory.CreateDirectory(directory);
        var files = new AsnDatabaseFiles(Path.Combine(directory, IPv4FileName), Path.Combine(directory, IPv6FileName));
        await File.WriteAllTextAsync(files.IPv4Path, Format(world.AddressSpace, AddressFamily.InterNetwork), cancellationToken);
        await File.WriteAllTextAsync(files.IPv6Path, Format(world.AddressSpace, AddressFamily.InterNetworkV6), cancellationToken);
        return files;
    }

    private static void AppendLine(StringBuilder text, UInt128 start, UInt128 end, ParsedPrefix owner, AddressFamily family)
    {
        text.Append(ToAddress(start, family)).Append(',')
            .Append(ToAddress(end, family)).Append(',')
            .Append(owner.Asn.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Quote(owner.Organization)).Append('\n');
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static ParsedPrefix? Parse(AddressPrefix prefix)
    {
        var parts = prefix.Prefix.Trim().Split('/');
        if (parts.Length > 2 || !IPAddress.TryParse(parts[0], out var address))
        {
            return null;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = bits;
        if (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > bits))
        {
            return null;
        }

        var value = ToNumber(address);
        var hostBits = bits - length;
        var hostMask = hostBits == 0 ? UInt128.Zero : (UInt128.One << hostBits) - 1;
        var start = value & ~hostMask;
        return new ParsedPrefix(address.AddressFamily, start, start | hostMask, length, prefix.Asn, prefix.Organization);
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (var part in address.GetAddressBytes())
        {
            value = (value << 8) | part;
        }

        return value;
    }

    private static string ToAddress(UInt128 value, AddressFamily family)
    {
        var bytes = new byte[family == AddressFamily.InterNetwork ? 4 : 16];
        for (var index = bytes.Length - 1; index >= 0; index--)
        {
            bytes[index] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }

    private sealed record ParsedPrefix(AddressFamily Family, UInt128 Start, UInt128 End, int Length, int Asn, string Organization);
}
