using System.Globalization;
using System.Text;

namespace Chokepoint.Collection.Asn;

/// <summary>
/// Builds the compact binary IP-to-ASN index from CSV files. Overlapping ranges are resolved deterministically:
/// where ranges overlap, the one that starts later owns the overlap (so a more specific range nested in a wider
/// one wins), and for ranges with the same start, the narrower one; identical ranges keep the last line read.
/// </summary>
/// <remarks>
/// Index layout (little-endian): magic "CPASNIX1"; int32 IPv4 count, IPv6 count, organisation count, organisation
/// bytes; IPv4 ranges (uint32 start, uint32 end, int32 asn, int32 organisation); IPv6 ranges (uint64 start hi,
/// lo, end hi, lo, int32 asn, int32 organisation); int32 organisation offsets (count + 1); UTF-8 names.
/// </remarks>
public static class AsnIndexBuilder
{
    /// <summary>The first 8 bytes of an index file.</summary>
    public static ReadOnlySpan<byte> Magic => "CPASNIX1"u8;

    private const int MaxSamples = 10;

    /// <summary>Reads <paramref name="csvPaths"/> and writes the index to <paramref name="outputPath"/>.</summary>
    public static AsnIndexBuildResult Build(IEnumerable<string> csvPaths, string outputPath) =>
        Build(csvPaths.Select(path => new AsnInputFile(path)), outputPath, CancellationToken.None);

    /// <summary>
    /// Reads <paramref name="inputs"/> and writes the index to <paramref name="outputPath"/>, a new file (created
    /// first, so a caller sees where the build goes). Stops with <see cref="OperationCanceledException"/> within a
    /// few thousand lines of <paramref name="cancellationToken"/> being cancelled; the caller removes the partial file.
    /// </summary>
    public static AsnIndexBuildResult Build(IEnumerable<AsnInputFile> inputs, string outputPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var stream = new FileStream(outputPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var (v4, v6, result) = Read(inputs.SelectMany(input => Lines(input, cancellationToken)), cancellationToken);
        var organizations = new OrganizationTable();
        var v4Rows = v4.Select(r => (r, organizations.Add(r.Organization))).ToList();
        var v6Rows = v6.Select(r => (r, organizations.Add(r.Organization))).ToList();
        cancellationToken.ThrowIfCancellationRequested();

        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(v4Rows.Count);
            writer.Write(v6Rows.Count);
            writer.Write(organizations.Count);
            writer.Write(organizations.ByteCount);
            var written = 0;
            foreach (var (range, org) in v4Rows)
            {
                CheckEvery(++written, cancellationToken);
                writer.Write((uint)range.Start);
                writer.Write((uint)range.End);
                writer.Write(range.Asn);
                writer.Write(org);
            }

            foreach (var (range, org) in v6Rows)
            {
                CheckEvery(++written, cancellationToken);
                writer.Write((ulong)(range.Start >> 64));
                writer.Write((ulong)range.Start);
                writer.Write((ulong)(range.End >> 64));
                writer.Write((ulong)range.End);
                writer.Write(range.Asn);
                writer.Write(org);
            }

            organizations.Write(writer);
        }

        stream.Flush(flushToDisk: true);
        return result with { Organizations = organizations.Count };
    }

    /// <summary>Reads CSV lines into resolved, sorted, non-overlapping IPv4 and IPv6 ranges.</summary>
    public static (List<AsnRange> Ipv4, List<AsnRange> Ipv6, AsnIndexBuildResult Result) Read(IEnumerable<(string Path, string Line)> lines) =>
        Read(lines.Select(line => (line.Path, (string?)line.Line, AsnInputFormat.Csv)), CancellationToken.None);

    /// <summary>
    /// Reads lines into resolved, sorted, non-overlapping IPv4 and IPv6 ranges. A null line (one too long to be a
    /// range, see <see cref="AsnInputLines"/>) counts as malformed; nothing here throws but cancellation.
    /// </summary>
    public static (List<AsnRange> Ipv4, List<AsnRange> Ipv6, AsnIndexBuildResult Result) Read(
        IEnumerable<(string Path, string? Line, AsnInputFormat Format)> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var v4 = new List<(AsnRange Range, int Order)>();
        var v6 = new List<(AsnRange Range, int Order)>();
        var read = 0;
        var malformed = 0;
        var unrouted = 0;
        var samples = new List<string>();
        var lineNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<string, AsnSourceCounts>(StringComparer.Ordinal);
        foreach (var (path, line, format) in lines)
        {
            lineNumbers[path] = lineNumbers.GetValueOrDefault(path) + 1;
            if (!counts.TryGetValue(path, out var count))
            {
                counts[path] = count = new AsnSourceCounts(path, 0, 0, 0);
            }

            if (line is not null && (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || (lineNumbers[path] == 1 && AsnCsvReader.IsHeader(line))))
            {
                continue;
            }

            CheckEvery(++read, cancellationToken);
            string? error;
            bool isIpv6;
            AsnRange? range;
            if (line is null)
            {
                (range, isIpv6, error) = (null, false, string.Create(CultureInfo.InvariantCulture, $"longer than {AsnInputLines.MaxLineLength} characters"));
            }
            else if (format == AsnInputFormat.Tsv)
            {
                range = AsnTsvReader.ParseLine(line, out isIpv6, out var notRouted, out error);
                if (notRouted)
                {
                    unrouted++;
                    counts[path] = count with { Unrouted = count.Unrouted + 1 };
                    continue;
                }
            }
            else
            {
                range = AsnCsvReader.ParseLine(line, out isIpv6, out error);
            }

            if (range is null)
            {
                malformed++;
                counts[path] = count with { Malformed = count.Malformed + 1 };
                if (samples.Count < MaxSamples)
                {
                    samples.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}:{lineNumbers[path]}: {error}"));
                }

                continue;
            }

            counts[path] = count with { Ranges = count.Ranges + 1 };
            (isIpv6 ? v6 : v4).Add((range.Value, read));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var ipv4 = Resolve(v4);
        cancellationToken.ThrowIfCancellationRequested();
        var ipv6 = Resolve(v6);
        return (ipv4, ipv6, new AsnIndexBuildResult
        {
            LinesRead = read,
            MalformedLines = malformed,
            UnroutedLines = unrouted,
            MalformedSamples = samples,
            Sources = [.. counts.Values],
            Ipv4Ranges = ipv4.Count,
            Ipv6Ranges = ipv6.Count,
        });
    }

    private static IEnumerable<(string Path, string? Line, AsnInputFormat Format)> Lines(AsnInputFile input, CancellationToken cancellationToken) =>
        AsnInputLines.Read(input.Path, cancellationToken).Select(line => (input.Path, line, input.Format));

    private static void CheckEvery(int count, CancellationToken cancellationToken)
    {
        if ((count & 0xFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Sweeps the ranges into disjoint segments owned by the innermost (latest-starting) active range.</summary>
    private static List<AsnRange> Resolve(List<(AsnRange Range, int Order)> ranges)
    {
        var sorted = ranges
            .OrderBy(r => r.Range.Start)
            .ThenByDescending(r => r.Range.End)
            .ThenBy(r => r.Order)
            .Select(r => r.Range)
            .ToList();
        var output = new List<AsnRange>();
        var stack = new Stack<AsnRange>();
        UInt128 cursor = 0;
        var exhausted = false;

        void Emit(UInt128 from, UInt128 to, AsnRange owner)
        {
            if (output.Count > 0 && output[^1] is var last && last.End + 1 == from
                && last.Asn == owner.Asn && string.Equals(last.Organization, owner.Organization, StringComparison.Ordinal))
            {
                output[^1] = last with { End = to };
            }
            else
            {
                output.Add(owner with { Start = from, End = to });
            }
        }

        void Close(AsnRange top)
        {
            if (!exhausted && top.End >= cursor)
            {
                Emit(cursor, top.End, top);
                if (top.End == UInt128.MaxValue)
                {
                    exhausted = true;
                }
                else
                {
                    cursor = top.End + 1;
                }
            }
        }

        foreach (var range in sorted)
        {
            while (stack.Count > 0 && stack.Peek().End < range.Start)
            {
                Close(stack.Pop());
            }

            if (stack.Count > 0 && !exhausted && cursor < range.Start)
            {
                Emit(cursor, range.Start - 1, stack.Peek());
            }

            cursor = range.Start;
            exhausted = false;
            stack.Push(range);
        }

        while (stack.Count > 0)
        {
            Close(stack.Pop());
        }

        return output;
    }

    private sealed class OrganizationTable
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<byte[]> names = [];

        public int Count => names.Count;

        public int ByteCount { get; private set; }

        public int Add(string name)
        {
            if (!indexes.TryGetValue(name, out var index))
            {
                index = names.Count;
                indexes[name] = index;
                var bytes = Encoding.UTF8.GetBytes(name);
                names.Add(bytes);
                ByteCount += bytes.Length;
            }

            return index;
        }

        public void Write(BinaryWriter writer)
        {
            var offset = 0;
            foreach (var name in names)
            {
                writer.Write(offset);
                offset += name.Length;
            }

            writer.Write(offset);
            foreach (var name in names)
            {
                writer.Write(name);
            }
        }
    }
}
