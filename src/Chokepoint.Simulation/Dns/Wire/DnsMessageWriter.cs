using System.Buffers.Binary;
using System.Text;

namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>
/// Encodes <see cref="DnsMessage"/> to wire format, compressing owner names and the names inside
/// NS, CNAME, SOA and MX data (the types RFC 3597 §4 allows to be compressed).
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.4">RFC 1035 §4.1.4 (compression)</seealso>
public static class DnsMessageWriter
{
    private const int PointerLimit = 0x3FFF;

    /// <summary>Encodes a message.</summary>
    /// <exception cref="ArgumentException">A name in the message is not a valid domain name.</exception>
    public static byte[] Write(DnsMessage message)
    {
        var writer = new Buffer();
        writer.U16(message.Id);
        writer.U16(EncodeFlags(message));
        writer.U16(checked((ushort)message.Questions.Count));
        writer.U16(checked((ushort)message.Answers.Count));
        writer.U16(checked((ushort)message.Authorities.Count));
        writer.U16(checked((ushort)message.Additionals.Count));
        foreach (var question in message.Questions)
        {
            writer.Name(question.Name, compress: true);
            writer.U16((ushort)question.Type);
            writer.U16(question.Class);
        }

        foreach (var record in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
        {
            WriteRecord(writer, record);
        }

        return writer.ToArray();
    }

    /// <summary>
    /// Encodes a response, and if it is larger than <paramref name="maxSize"/> encodes it again with TC set
    /// and the answer, authority and additional sections emptied (keeping any OPT record).
    /// </summary>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc2181#section-9">RFC 2181 §9</seealso>
    public static byte[] WriteWithinLimit(DnsMessage message, int maxSize)
    {
        var bytes = Write(message);
        if (bytes.Length <= maxSize)
        {
            return bytes;
        }

        return Write(Truncate(message));
    }

    /// <summary>The message with TC set and only the question and any OPT record left.</summary>
    public static DnsMessage Truncate(DnsMessage message) => message with
    {
        Truncated = true,
        Answers = [],
        Authorities = [],
        Additionals = message.Opt is { } opt ? [opt] : [],
    };

    internal static ushort EncodeFlags(DnsMessage message)
    {
        var flags = 0;
        flags |= message.IsResponse ? 0x8000 : 0;
        flags |= (message.OpCode & 0xF) << 11;
        flags |= message.Authoritative ? 0x0400 : 0;
        flags |= message.Truncated ? 0x0200 : 0;
        flags |= message.RecursionDesired ? 0x0100 : 0;
        flags |= message.RecursionAvailable ? 0x0080 : 0;
        flags |= message.AuthenticData ? 0x0020 : 0;
        flags |= message.CheckingDisabled ? 0x0010 : 0;
        flags |= (int)message.ResponseCode & 0xF;
        return (ushort)flags;
    }

    private static void WriteRecord(Buffer writer, DnsResourceRecord record)
    {
        writer.Name(record.Name, compress: true);
        writer.U16((ushort)record.Type);
        writer.U16(record.Class);
        writer.U32(record.Ttl);
        var lengthAt = writer.Length;
        writer.U16(0);
        var start = writer.Length;
        switch (record.Data)
        {
            case AddressRecordData address:
                writer.Bytes(address.Address.GetAddressBytes());
                break;
            case NameRecordData name:
                writer.Name(name.Target, compress: true);
                break;
            case MxRecordData mx:
                writer.U16(mx.Preference);
                writer.Name(mx.Exchange, compress: true);
                break;
            case SoaRecordData soa:
                writer.Name(soa.PrimaryNameServer, compress: true);
                writer.Name(soa.ResponsibleMailbox, compress: true);
                writer.U32(soa.Serial);
                writer.U32(soa.Refresh);
                writer.U32(soa.Retry);
                writer.U32(soa.Expire);
                writer.U32(soa.Minimum);
                break;
            case TxtRecordData txt:
                WriteTxt(writer, txt);
                break;
            case CaaRecordData caa:
                var tag = Encoding.ASCII.GetBytes(caa.Tag);
                writer.Byte(caa.Flags);
                writer.Byte(checked((byte)tag.Length));
                writer.Bytes(tag);
                writer.Bytes(Encoding.UTF8.GetBytes(caa.Value));
                break;
            case DsRecordData ds:
                writer.U16(ds.KeyTag);
                writer.Byte(ds.Algorithm);
                writer.Byte(ds.DigestType);
                writer.Bytes(ds.Digest);
                break;
            case DnskeyRecordData key:
                writer.U16(key.Flags);
                writer.Byte(key.Protocol);
                writer.Byte(key.Algorithm);
                writer.Bytes(key.PublicKey);
                break;
            case OptRecordData opt:
                writer.Bytes(opt.Options);
                break;
            case UnknownRecordData unknown:
                writer.Bytes(unknown.Bytes);
                break;
            default:
                throw new ArgumentException($"Unsupported record data {record.Data.GetType().Name}.", nameof(record));
        }

        writer.PatchU16(lengthAt, checked((ushort)(writer.Length - start)));
    }

    private static void WriteTxt(Buffer writer, TxtRecordData txt)
    {
        if (txt.Strings.Count == 0)
        {
            writer.Byte(0);
            return;
        }

        foreach (var text in txt.Strings)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length == 0)
            {
                writer.Byte(0);
                continue;
            }

            for (var offset = 0; offset < bytes.Length; offset += 255)
            {
                var count = Math.Min(255, bytes.Length - offset);
                writer.Byte((byte)count);
                writer.Bytes(bytes.AsSpan(offset, count));
            }
        }
    }

    private sealed class Buffer
    {
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
        private byte[] _bytes = new byte[512];

        public int Length { get; private set; }

        public void Byte(byte value)
        {
            Ensure(1);
            _bytes[Length++] = value;
        }

        public void U16(ushort value)
        {
            Ensure(2);
            BinaryPrimitives.WriteUInt16BigEndian(_bytes.AsSpan(Length), value);
            Length += 2;
        }

        public void U32(uint value)
        {
            Ensure(4);
            BinaryPrimitives.WriteUInt32BigEndian(_bytes.AsSpan(Length), value);
            Length += 4;
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Ensure(value.Length);
            value.CopyTo(_bytes.AsSpan(Length));
            Length += value.Length;
        }

        public void PatchU16(int at, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_bytes.AsSpan(at), value);

        public void Name(string name, bool compress)
        {
            if (!DnsName.TryGetLabels(name, out var labels))
            {
                throw new ArgumentException($"'{name}' is not a valid domain name.", nameof(name));
            }

            for (var i = 0; i < labels.Count; i++)
            {
                var suffix = SuffixKey(labels, i);
                if (compress && _names.TryGetValue(suffix, out var pointer))
                {
                    U16((ushort)(0xC000 | pointer));
                    return;
                }

                if (Length <= PointerLimit)
                {
                    _names.TryAdd(suffix, Length);
                }

                Byte((byte)labels[i].Length);
                Bytes(labels[i]);
            }

            Byte(0);
        }

        public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

        private static string SuffixKey(List<byte[]> labels, int from)
        {
            var builder = new StringBuilder();
            for (var i = from; i < labels.Count; i++)
            {
                builder.Append(DnsName.FormatLabel(labels[i]).ToLowerInvariant()).Append('.');
            }

            return builder.ToString();
        }

        private void Ensure(int count)
        {
            if (Length + count > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
            }
        }
    }
}
