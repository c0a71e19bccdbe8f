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
    public static AsnIndexBuildResult Build(IEnumerable<string> csvPaths, string outputPath)
    {
        var (v4, v6, result) = Read(csvPaths.SelectMany(path => File.ReadLines(path).Select(line => (path, line))));
        var organizations = new OrganizationTable();
        var v4Rows = v4.Select(r => (r, organizations.Add(r.Organization))).ToList();
        var v6Rows = v6.Select(r => (r, organizations.Add(r.Organization))).ToList();

        using (var stream = File.Create(outputPath))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(v4Rows.Count);
            writer.Write(v6Rows.Count);
            writer.Write(organizations.Count);
            writer.Write(organizations.ByteCount);
            foreach (var (range, org) in v4Rows)
            {
                writer.Write((uint)range.Start);
                writer.Write((uint)range.End);
                writer.Write(range.Asn);
                writer.Write(org);
            }

            foreach (var (range, org) in v6Rows)
            {
                writer.Write((ulong)(range.Start >> 64));
                writer.Write((ulong)range.Start);
                writer.Write((ulong)(range.End >> 64));
                writer.Write((ulong)range.End);
                writer.Write(range.Asn);
                writer.Write(org);
            }

            organizations.Write(writer);
        }

        return result with { Organizations = organizations.Count };
    }

    /// <summary>Reads CSV lines into resolved, sorted, non-overlapping IPv4 and IPv6 ranges.</summary>
    public static (List<AsnRange> Ipv4, List<AsnRange> Ipv6, AsnIndexBuildResult Result) Read(IEnumerable<(string Path, string Line)> lines)
    {
        var v4 = new List<(AsnRange Range, int Order)>();
        var v6 = new List<(AsnRange Range, int Order)>();
        var read = 0;
        var malformed = 0;
        var samples = new List<string>();
        var lineNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, line) in lines)
        {
            lineNumbers[path] = lineNumbers.GetValueOrDefault(path) + 1;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || (lineNumbers[path] == 1 && AsnCsvReader.IsHeader(line)))
            {
                continue;
            }

            read++;
            var range = AsnCsvReader.ParseLine(line, out var isIpv6, out var error);
            if (range is null)
            {
                malformed++;
                if (samples.Count < MaxSamples)
                {
                    samples.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}:{lineNumbers[path]}: {error}"));
                }

                continue;
            }

            (isIpv6 ? v6 : v4).Add((range.Value, read));
        }

        var ipv4 = Resolve(v4);
        var ipv6 = Resolve(v6);
        return (ipv4, ipv6, new AsnIndexBuildResult
        {
            LinesRead = read,
            MalformedLines = malformed,
            MalformedSamples = samples,
            Ipv4Ranges = ipv4.Count,
            Ipv6Ranges = ipv6.Count,
        });
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
