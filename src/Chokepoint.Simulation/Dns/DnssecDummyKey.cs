using System.Buffers.Binary;
using System.Security.Cryptography;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// The fixed DNSKEY every signed zone publishes, and the DS that matches it. Nothing is signed: the records
/// only let a collector see that a zone is signed and that the parent holds a DS.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc4034#section-5.1.4">RFC 4034 §5.1.4 (DS digest)</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc4034#appendix-B">RFC 4034 Appendix B (key tag)</seealso>
internal static class DnssecDummyKey
{
    /// <summary>Algorithm 13, ECDSA P-256 with SHA-256 (RFC 6605).</summary>
    public const byte Algorithm = 13;

    /// <summary>A key-signing key (flags 257: zone key + secure entry point) with a fixed 64-byte public key.</summary>
    public static DnskeyRecordData Key { get; } = new(257, 3, Algorithm, SHA512.HashData("chokepoint simulated zone key"u8));

    public static DsRecordData DsFor(string owner)
    {
        var rdata = KeyRdata();
        DnsName.TryGetLabels(DnsName.Key(owner), out var labels);
        var input = new List<byte>();
        foreach (var label in labels)
        {
            input.Add((byte)label.Length);
            input.AddRange(label);
        }

        input.Add(0);
        input.AddRange(rdata);
        return new DsRecordData(KeyTag(rdata), Algorithm, 2, SHA256.HashData([.. input]));
    }

    private static byte[] KeyRdata()
    {
        var rdata = new byte[4 + Key.PublicKey.Length];
        BinaryPrimitives.WriteUInt16BigEndian(rdata, Key.Flags);
        rdata[2] = Key.Protocol;
        rdata[3] = Key.Algorithm;
        Key.PublicKey.CopyTo(rdata, 4);
        return rdata;
    }

    private static ushort KeyTag(byte[] rdata)
    {
        uint accumulator = 0;
        for (var i = 0; i < rdata.Length; i++)
        {
            accumulator += (i & 1) == 1 ? rdata[i] : (uint)rdata[i] << 8;
        }

        accumulator += (accumulator >> 16) & 0xFFFF;
        return (ushort)(accumulator & 0xFFFF);
    }
}
