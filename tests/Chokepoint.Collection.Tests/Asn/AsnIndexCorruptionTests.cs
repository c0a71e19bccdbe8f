using System.Buffers.Binary;
using System.Net;
using Chokepoint.Collection.Asn;

namespace Chokepoint.Collection.Tests.Asn;

public sealed class AsnIndexCorruptionTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("chokepoint-asn-corrupt-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>A small sound index: two IPv4 ranges, one IPv6 range, two organisations.</summary>
    private byte[] SoundIndex()
    {
        var csv = Path.Combine(directory, "asn.csv");
        File.WriteAllText(csv, "1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\n8.8.8.0,8.8.8.255,15169,GOOGLE\n2606:4700::,2606:4700::ffff,13335,CLOUDFLARENET\n");
        var index = Path.Combine(directory, "asn.idx");
        AsnIndexBuilder.Build([csv], index);
        var bytes = File.ReadAllBytes(index);
        File.Delete(index);
        return bytes;
    }

    private static void AssertCorrupt(byte[] bytes, string detail)
    {
        var error = Assert.Throws<InvalidDataException>(() => AsnDatabase.FromIndexBytes(bytes, "asn.idx"));
        Assert.StartsWith("corrupt IP-to-ASN index: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sound_index_reads()
    {
        var database = AsnDatabase.FromIndexBytes(SoundIndex(), "asn.idx");
        Assert.Equal(15169, database.Lookup(IPAddress.Parse("8.8.8.8"))?.Asn);
        Assert.Equal(13335, database.Lookup(IPAddress.Parse("2606:4700::1"))?.Asn);
    }

    [Fact]
    public void A_truncated_index_is_corrupt_at_every_length()
    {
        var bytes = SoundIndex();
        for (var length = 0; length < bytes.Length; length++)
        {
            var truncated = bytes[..length];
            var error = Assert.Throws<InvalidDataException>(() => AsnDatabase.FromIndexBytes(truncated, "asn.idx"));
            Assert.StartsWith("corrupt IP-to-ASN index: ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bytes_after_the_names_are_corrupt() =>
        AssertCorrupt([.. SoundIndex(), 0], "the header describes");

    [Fact]
    public void Bad_magic_is_corrupt_for_the_installed_index() =>
        AssertCorrupt([.. "CPASNIX0"u8, .. SoundIndex()[8..]], "magic");

    [Fact]
    public void Huge_counts_in_the_header_are_corrupt_without_allocating_them()
    {
        var bytes = SoundIndex();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), int.MaxValue);
        AssertCorrupt(bytes, "the header describes");
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), -1);
        AssertCorrupt(bytes, "negative count");
    }

    [Fact]
    public void An_organisation_offset_past_the_names_is_corrupt()
    {
        var bytes = SoundIndex();
        var offsets = 24 + (2 * 16) + 40;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offsets + 4), 1_000_000);
        AssertCorrupt(bytes, "out of order");
    }

    [Fact]
    public void A_range_naming_a_missing_organisation_is_corrupt()
    {
        var bytes = SoundIndex();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24 + 12), 99);
        AssertCorrupt(bytes, "missing organisation");
    }

    [Fact]
    public void Ranges_out_of_order_are_corrupt()
    {
        var bytes = SoundIndex();
        // The second IPv4 range now starts before the first one ends: a binary search over it would be wrong.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24 + 16), 0x01000010);
        AssertCorrupt(bytes, "out of order or overlapping");
    }

    [Fact]
    public void Open_refuses_a_corrupt_index_file_with_the_documented_exception()
    {
        var path = Path.Combine(directory, "broken.idx");
        File.WriteAllBytes(path, SoundIndex()[..40]);
        var error = Assert.Throws<InvalidDataException>(() => AsnDatabase.Open(path));
        Assert.StartsWith("corrupt IP-to-ASN index: ", error.Message, StringComparison.Ordinal);
    }
}
