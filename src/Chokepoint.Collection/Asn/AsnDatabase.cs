using System.Buffers.Binary;
using System.Globalization;
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
        string source,
        AsnIndexBuildResult? read = null)
    {
        LinesRead = read?.LinesRead ?? 0;
        SkippedLines = read?.MalformedLines ?? 0;
        FirstSkipped = read is { MalformedSamples.Count: > 0 } ? read.MalformedSamples[0] : null;
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

    /// <summary>Data lines of the CSV text the table was built from (0 for an index).</summary>
    public int LinesRead { get; }

    /// <summary>Lines of that CSV text skipped because they could not be read as <c>start_ip,end_ip,asn,organization</c>.</summary>
    public int SkippedLines { get; }

    /// <summary>The first skipped line with its number, for the user to see; null when none was skipped.</summary>
    public string? FirstSkipped { get; }

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
    /// <exception cref="InvalidDataException">The file starts as an index but is not a sound one ("corrupt IP-to-ASN index: ...").</exception>
    public static AsnDatabase Open(string path) => FromBytes(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>A table from the bytes of an index file or, failing the magic, of a CSV file named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes start as an index but are not a sound one ("corrupt IP-to-ASN index: ...").</exception>
    public static AsnDatabase FromBytes(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes.AsSpan().StartsWith(AsnIndexBuilder.Magic)
            ? FromIndex(bytes, "asn-db " + name)
            : FromCsvText(Encoding.UTF8.GetString(bytes), "asn-db " + name);
    }

    /// <summary>A table from the bytes of an index file only (the installed <c>data/index/asn.idx</c>): anything else is corrupt.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a sound index ("corrupt IP-to-ASN index: ...").</exception>
    public static AsnDatabase FromIndexBytes(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes.AsSpan().StartsWith(AsnIndexBuilder.Magic)
            ? FromIndex(bytes, "asn-db " + name)
            : throw Corrupt("it does not start with the index's magic bytes");
    }

    /// <summary>
    /// A cheap check of an index file from its first bytes and its length alone (magic, counts, total size), for a
    /// status listing that should not read the whole file: the problem ("corrupt IP-to-ASN index: ..."), or null
    /// when the header agrees with the file. <see cref="FromIndexBytes"/> checks everything else.
    /// </summary>
    public static string? CheckIndexHeader(ReadOnlySpan<byte> start, long fileLength)
    {
        const int header = 8 + 16;
        if (fileLength < header || start.Length < header)
        {
            return Corrupt(string.Create(CultureInfo.InvariantCulture, $"{fileLength} bytes, shorter than the {header}-byte header")).Message;
        }

        if (!start.StartsWith(AsnIndexBuilder.Magic))
        {
            return Corrupt("it does not start with the index's magic bytes").Message;
        }

        var counts = start[8..];
        var v4Count = BinaryPrimitives.ReadInt32LittleEndian(counts);
        var v6Count = BinaryPrimitives.ReadInt32LittleEndian(counts[4..]);
        var orgCount = BinaryPrimitives.ReadInt32LittleEndian(counts[8..]);
        var orgBytes = BinaryPrimitives.ReadInt32LittleEndian(counts[12..]);
        if (v4Count < 0 || v6Count < 0 || orgCount < 0 || orgBytes < 0)
        {
            return Corrupt("a negative count in the header").Message;
        }

        var expected = header + (long)v4Count * 16 + (long)v6Count * 40 + ((long)orgCount + 1) * 4 + orgBytes;
        return expected == fileLength
            ? null
            : Corrupt(string.Create(CultureInfo.InvariantCulture, $"the header describes {expected} bytes but the file has {fileLength}")).Message;
    }

    /// <summary>Builds the table in memory from CSV files (malformed lines are skipped).</summary>
    public static AsnDatabase FromCsv(IEnumerable<string> csvPaths)
    {
        var paths = csvPaths.ToList();
        var (v4, v6, read) = AsnIndexBuilder.Read(paths.SelectMany(path => AsnInputLines.Read(path).Select(line => (path, line, AsnInputFormat.Csv))), CancellationToken.None);
        return FromRanges(v4, v6, "asn-db " + string.Join("+", paths.Select(Path.GetFileName)), read);
    }

    /// <summary>Builds the table from CSV text (for data already in memory).</summary>
    public static AsnDatabase FromCsvText(string csv, string source)
    {
        var (v4, v6, read) = AsnIndexBuilder.Read(AsnInputLines.Read(new StringReader(csv)).Select(line => (source, line, AsnInputFormat.Csv)), CancellationToken.None);
        return FromRanges(v4, v6, source, read);
    }

    private static AsnDatabase FromRanges(List<AsnRange> v4, List<AsnRange> v6, string source, AsnIndexBuildResult read)
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
        return new AsnDatabase(v4Rows, v6Rows, organizations, source, read);
    }

    /// <summary>
    /// Reads an index written by <see cref="AsnIndexBuilder"/>, checking every count, offset and reference against
    /// the bytes actually there before it is used: a truncated, padded or damaged file is refused whole, never read
    /// out of range.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a sound index ("corrupt IP-to-ASN index: ...").</exception>
    private static AsnDatabase FromIndex(byte[] bytes, string source)
    {
        const int header = 8 + 16;
        if (bytes.Length < header)
        {
            throw Corrupt($"{bytes.Length} bytes, shorter than the {header}-byte header");
        }

        var span = bytes.AsSpan(AsnIndexBuilder.Magic.Length);
        var v4Count = BinaryPrimitives.ReadInt32LittleEndian(span);
        var v6Count = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        var orgCount = BinaryPrimitives.ReadInt32LittleEndian(span[8..]);
        var orgBytes = BinaryPrimitives.ReadInt32LittleEndian(span[12..]);
        if (v4Count < 0 || v6Count < 0 || orgCount < 0 || orgBytes < 0)
        {
            throw Corrupt("a negative count in the header");
        }

        var expected = header + (long)v4Count * 16 + (long)v6Count * 40 + ((long)orgCount + 1) * 4 + orgBytes;
        if (expected != bytes.Length)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"the header describes {expected} bytes but the file has {bytes.Length}"));
        }

        span = span[16..];
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

        CheckRanges(v4, orgCount, "IPv4");
        CheckRanges(v6, orgCount, "IPv6");

        var offsets = new int[orgCount + 1];
        for (var i = 0; i <= orgCount; i++, span = span[4..])
        {
            offsets[i] = BinaryPrimitives.ReadInt32LittleEndian(span);
            if ((i == 0 && offsets[i] != 0) || (i > 0 && offsets[i] < offsets[i - 1]))
            {
                throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"organisation name offset {i} is out of order"));
            }
        }

        if (offsets[^1] != orgBytes)
        {
            throw Corrupt("the organisation names do not end where the header says");
        }

        var organizations = new string[orgCount];
        for (var i = 0; i < orgCount; i++)
        {
            organizations[i] = Encoding.UTF8.GetString(span[offsets[i]..offsets[i + 1]]);
        }

        return new AsnDatabase(v4, v6, organizations, source);
    }

    /// <summary>Ranges must be well formed, ascending and disjoint (the binary search relies on it) and name a known organisation.</summary>
    private static void CheckRanges((UInt128 Start, UInt128 End, int Asn, int Org)[] ranges, int orgCount, string family)
    {
        for (var i = 0; i < ranges.Length; i++)
        {
            var (start, end, asn, org) = ranges[i];
            if (start > end || (i > 0 && start <= ranges[i - 1].End))
            {
                throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"{family} range {i} is reversed, out of order or overlapping"));
            }

            if (asn < 0 || org < 0 || org >= orgCount)
            {
                throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"{family} range {i} names a missing organisation or a negative AS number"));
            }
        }
    }

    private static InvalidDataException Corrupt(string detail) => new("corrupt IP-to-ASN index: " + detail);

    private static int LastAtOrBelow<T>(T[] starts, T value)
        where T : IComparable<T>
    {
        var index = Array.BinarySearch(starts, value);
        return index >= 0 ? index : ~index - 1;
    }
}
