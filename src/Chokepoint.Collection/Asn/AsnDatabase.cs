using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chokepoint.Collection.Asn;

/// <summary>
/// An IP-to-ASN table held as sorted disjoint ranges, looked up by binary search. Loaded from the binary index
/// that <see cref="AsnIndexBuilder"/> writes (one file read), or built in memory from CSV files.
/// </summary>
public sealed class AsnDatabase
{
    private readonly uint[] v4Starts;
    private readonly uint[] v4Ends;
    private readonly int[] v4Asns;
    private readonly int[] v4Orgs;
    private readonly UInt128[] v6Starts;
    private readonly UInt128[] v6Ends;
    private readonly int[] v6Asns;
    private readonly int[] v6Orgs;
    private readonly string[] organizations;

    private AsnDatabase(
        IReadOnlyList<(UInt128 Start, UInt128 End, int Asn, int Org)> v4,
        IReadOnlyList<(UInt128 Start, UInt128 End, int Asn, int Org)> v6,
        string[] organizations,
        string source)
    {
        v4Starts = v4.Select(r => (uint)r.Start).ToArray();
        v4Ends = v4.Select(r => (uint)r.End).ToArray();
        v4Asns = v4.Select(r => r.Asn).ToArray();
        v4Orgs = v4.Select(r => r.Org).ToArray();
        v6Starts = v6.Select(r => r.Start).ToArray();
        v6Ends = v6.Select(r => r.End).ToArray();
        v6Asns = v6.Select(r => r.Asn).ToArray();
        v6Orgs = v6.Select(r => r.Org).ToArray();
        this.organizations = organizations;
        Source = source;
    }

    /// <summary>Where the data came from, e.g. "asn-db asn.csv", for <c>AddressObservation.AsnSource</c>.</summary>
    public string Source { get; }

    /// <summary>IPv4 ranges held.</summary>
    public int Ipv4RangeCount => v4Starts.Length;

    /// <summary>IPv6 ranges held.</summary>
    public int Ipv6RangeCount => v6Starts.Length;

    /// <summary>The origin AS of <paramref name="address"/>, or null when no range holds it.</summary>
    public AsnMatch? Lookup(IPAddress address)
    {
        var number = AsnCsvReader.ToNumber(address);
        if (AsnCsvReader.Canonical(address).AddressFamily == AddressFamily.InterNetwork)
        {
            var index = LastAtOrBelow(v4Starts, (uint)number);
            return index >= 0 && (uint)number <= v4Ends[index] ? new AsnMatch(v4Asns[index], organizations[v4Orgs[index]]) : null;
        }

        var i = LastAtOrBelow(v6Starts, number);
        return i >= 0 && number <= v6Ends[i] ? new AsnMatch(v6Asns[i], organizations[v6Orgs[i]]) : null;
    }

    /// <summary>Opens an index file written by <see cref="AsnIndexBuilder"/>, or, failing the magic, reads the file as CSV.</summary>
    public static AsnDatabase Open(string path) => FromBytes(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>A table from the bytes of an index file or, failing the magic, of a CSV file named <paramref name="name"/>.</summary>
    public static AsnDatabase FromBytes(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes.AsSpan().StartsWith(AsnIndexBuilder.Magic)
            ? FromIndex(bytes, "asn-db " + name)
            : FromCsvText(Encoding.UTF8.GetString(bytes), "asn-db " + name);
    }

    /// <summary>Builds the table in memory from CSV files (malformed lines are skipped).</summary>
    public static AsnDatabase FromCsv(IEnumerable<string> csvPaths)
    {
        var paths = csvPaths.ToList();
        var (v4, v6, _) = AsnIndexBuilder.Read(paths.SelectMany(path => File.ReadLines(path).Select(line => (path, line))));
        return FromRanges(v4, v6, "asn-db " + string.Join("+", paths.Select(Path.GetFileName)));
    }

    /// <summary>Builds the table from CSV text (for data already in memory).</summary>
    public static AsnDatabase FromCsvText(string csv, string source)
    {
        var (v4, v6, _) = AsnIndexBuilder.Read(csv.Split('\n').Select(line => (source, line.TrimEnd('\r'))));
        return FromRanges(v4, v6, source);
    }

    private static AsnDatabase FromRanges(List<AsnRange> v4, List<AsnRange> v6, string source)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        int Org(string name)
        {
            if (!names.TryGetValue(name, out var index))
            {
                index = names.Count;
                names[name] = index;
            }

            return index;
        }

        var v4Rows = v4.Select(r => (r.Start, r.End, r.Asn, Org(r.Organization))).ToList();
        var v6Rows = v6.Select(r => (r.Start, r.End, r.Asn, Org(r.Organization))).ToList();
        var organizations = names.OrderBy(pair => pair.Value).Select(pair => pair.Key).ToArray();
        return new AsnDatabase(v4Rows, v6Rows, organizations, source);
    }

    private static AsnDatabase FromIndex(byte[] bytes, string source)
    {
        var span = bytes.AsSpan(AsnIndexBuilder.Magic.Length);
        var v4Count = BinaryPrimitives.ReadInt32LittleEndian(span);
        var v6Count = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        var orgCount = BinaryPrimitives.ReadInt32LittleEndian(span[8..]);
        span = span[16..];
        if (v4Count < 0 || v6Count < 0 || orgCount < 0 || (long)v4Count * 16 + (long)v6Count * 40 + ((long)orgCount + 1) * 4 > span.Length)
        {
            throw new InvalidDataException("the ASN index is truncated or corrupt");
        }

        var v4 = new (UInt128, UInt128, int, int)[v4Count];
        for (var i = 0; i < v4Count; i++, span = span[16..])
        {
            v4[i] = (
                BinaryPrimitives.ReadUInt32LittleEndian(span),
                BinaryPrimitives.ReadUInt32LittleEndian(span[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[12..]));
        }

        var v6 = new (UInt128, UInt128, int, int)[v6Count];
        for (var i = 0; i < v6Count; i++, span = span[40..])
        {
            v6[i] = (
                new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(span), BinaryPrimitives.ReadUInt64LittleEndian(span[8..])),
                new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(span[16..]), BinaryPrimitives.ReadUInt64LittleEndian(span[24..])),
                BinaryPrimitives.ReadInt32LittleEndian(span[32..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[36..]));
        }

        var offsets = new int[orgCount + 1];
        for (var i = 0; i <= orgCount; i++, span = span[4..])
        {
            offsets[i] = BinaryPrimitives.ReadInt32LittleEndian(span);
        }

        if (offsets[^1] > span.Length)
        {
            throw new InvalidDataException("the ASN index is truncated or corrupt");
        }

        var organizations = new string[orgCount];
        for (var i = 0; i < orgCount; i++)
        {
            organizations[i] = Encoding.UTF8.GetString(span[offsets[i]..offsets[i + 1]]);
        }

        return new AsnDatabase(v4, v6, organizations, source);
    }

    private static int LastAtOrBelow<T>(T[] starts, T value)
        where T : IComparable<T>
    {
        var index = Array.BinarySearch(starts, value);
        return index >= 0 ? index : ~index - 1;
    }
}
