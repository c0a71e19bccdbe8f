using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Chokepoint.Collection.Asn;
using CsCheck;

namespace Chokepoint.Collection.Tests.Asn;

/// <summary>
/// The IP-to-ASN readers on random and mutated input: they never throw anything but the documented exception
/// (<see cref="InvalidDataException"/> for a corrupt index; nothing at all for CSV/TSV lines), in bounded time, and
/// an index built from random ranges reads back to what the documented overlap rule says.
/// </summary>
public sealed class AsnReaderPropertyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("chokepoint-asn-fuzz-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>Characters that make lines interesting: separators, quotes, digits, address punctuation, controls.</summary>
    private static readonly Gen<string> LineText = Gen.Frequency(
        (2, Gen.String),
        (3, Gen.Char["0123456789.:,\t\"aAsS f-\r\\\0"].Array[0, 60].Select(chars => new string(chars))),
        (2, Gen.Select(Gen.UInt, Gen.UInt, Gen.Int[-5, 70000], Gen.String[0, 20], (a, b, asn, org) =>
            $"{new IPAddress(a)},{new IPAddress(b)},{asn.ToString(CultureInfo.InvariantCulture)},\"{org}\"")));

    [Fact]
    public void Csv_and_tsv_lines_never_throw()
    {
        LineText.Sample(
            line =>
            {
                var csv = AsnCsvReader.ParseLine(line, out _, out var csvError);
                Assert.True(csv is not null ^ csvError is not null);
                var tsv = AsnTsvReader.ParseLine(line, out _, out var unrouted, out var tsvError);
                Assert.True(tsv is not null || unrouted || tsvError is not null);
                if (csv is { } range)
                {
                    Assert.True(range.Start <= range.End);
                }
            },
            iter: Fuzz.Iterations(20_000));
    }

    [Fact]
    public void Random_bytes_read_as_lines_in_bounded_memory()
    {
        Gen.Byte.Array[0, 20_000].Sample(
            bytes =>
            {
                using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
                foreach (var line in AsnInputLines.Read(reader))
                {
                    Assert.True(line is null || line.Length <= AsnInputLines.MaxLineLength);
                }
            },
            iter: Fuzz.Iterations(500));
    }

    [Fact]
    public void A_long_line_without_breaks_is_one_malformed_line()
    {
        var text = new string('1', 5_000_000);
        var (v4, v6, result) = AsnIndexBuilder.Read(AsnInputLines.Read(new StringReader(text)).Select(line => ("x.csv", line, AsnInputFormat.Csv)), CancellationToken.None);
        Assert.Empty(v4);
        Assert.Empty(v6);
        Assert.Equal(1, result.MalformedLines);
        Assert.Contains("longer than", result.MalformedSamples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_behind_the_magic_are_refused_as_corrupt_or_read()
    {
        Gen.Byte.Array[0, 400].Sample(
            tail => ReadsOrIsCorrupt([.. AsnIndexBuilder.Magic, .. tail]),
            iter: Fuzz.Iterations(5_000));
    }

    [Fact]
    public void Mutated_sound_indexes_are_refused_as_corrupt_or_read()
    {
        var index = BuildIndex(
            "1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\n8.8.8.0,8.8.8.255,15169,GOOGLE\n9.9.9.0,9.9.9.255,19281,QUAD9\n" +
            "2606:4700::,2606:4700::ffff,13335,CLOUDFLARENET\n2a00:1450::,2a00:1450::ffff,15169,GOOGLE\n");
        var mutation = Gen.Select(Gen.Int[0, index.Length - 1].Array[1, 6], Gen.Byte.Array[6], Gen.Int[0, index.Length]);
        mutation.Sample(
            (positions, values, cut) =>
            {
                var bytes = index.ToArray();
                for (var i = 0; i < positions.Length; i++)
                {
                    bytes[positions[i]] = values[i];
                }

                ReadsOrIsCorrupt(bytes);
                ReadsOrIsCorrupt(bytes[..cut]);
            },
            iter: Fuzz.Iterations(5_000));
    }

    [Fact]
    public void Built_indexes_read_back_to_the_overlap_rule()
    {
        // Few distinct addresses, so that ranges overlap, nest and repeat.
        var range = Gen.Select(Gen.UInt[0, 40], Gen.UInt[0, 12], Gen.Int[1, 5], (start, length, asn) => (Start: start, End: start + length, Asn: asn));
        range.Array[1, 12].Sample(
            ranges =>
            {
                var csv = string.Join('\n', ranges.Select(r => $"{new IPAddress(BigEndian(r.Start))},{new IPAddress(BigEndian(r.End))},{r.Asn},ORG{r.Asn}"));
                var database = AsnDatabase.FromIndexBytes(BuildIndex(csv), "asn.idx");
                for (uint address = 0; address <= 60; address++)
                {
                    // The documented rule: the latest start owns an overlap, then the narrower range, then the last line.
                    var expected = ranges
                        .Select((r, order) => (r.Start, r.End, r.Asn, Order: order))
                        .Where(r => r.Start <= address && address <= r.End)
                        .OrderByDescending(r => r.Start).ThenBy(r => r.End).ThenByDescending(r => r.Order)
                        .Select(r => (int?)r.Asn)
                        .FirstOrDefault();
                    var found = database.Lookup(new IPAddress(BigEndian(address)));
                    Assert.Equal(expected, found?.Asn);
                    Assert.Equal(expected is null ? null : $"ORG{expected}", found?.Organization);
                }
            },
            iter: Fuzz.Iterations(300));
    }

    private static long BigEndian(uint value) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value);

    private byte[] BuildIndex(string csv)
    {
        var name = Guid.NewGuid().ToString("N");
        var source = Path.Combine(directory, name + ".csv");
        var target = Path.Combine(directory, name + ".idx");
        File.WriteAllText(source, csv);
        AsnIndexBuilder.Build([source], target);
        var bytes = File.ReadAllBytes(target);
        File.Delete(source);
        File.Delete(target);
        return bytes;
    }

    private static void ReadsOrIsCorrupt(byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var database = AsnDatabase.FromIndexBytes(bytes, "asn.idx");
            database.Lookup(IPAddress.Parse("8.8.8.8"));
            database.Lookup(IPAddress.Parse("2a00:1450::1"));
        }
        catch (InvalidDataException error)
        {
            Assert.StartsWith("corrupt IP-to-ASN index: ", error.Message, StringComparison.Ordinal);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"reading {bytes.Length} bytes took {clock.Elapsed}");
    }
}
