using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>
/// Decodes wire-format DNS messages. Garbage input is reported as a failed <see cref="DnsReadResult"/>,
/// never thrown: truncated sections, bad lengths, compression pointers that point forward or loop,
/// over-long names and reserved label types are all rejected.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</seealso>
public static class DnsMessageReader
{
    private const int MaxPointerJumps = 64;

    /// <summary>Parses a message.</summary>
    public static DnsReadResult Read(ReadOnlySpan<byte> bytes)
    {
        ushort? id = bytes.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : null;
        if (bytes.Length < 12)
        {
            return new DnsReadResult(null, $"message of {bytes.Length} bytes is shorter than the 12-byte header", id);
        }

        var reader = new Cursor(bytes);
        try
        {
            var message = ReadMessage(ref reader);
            return new DnsReadResult(message, null, id);
        }
        catch (FormatException exception)
        {
            return new DnsReadResult(null, exception.Message, id);
        }
    }

    private static DnsMessage ReadMessage(ref Cursor reader)
    {
        var id = reader.U16();
        var flags = reader.U16();
        var questionCount = reader.U16();
        var answerCount = reader.U16();
        var authorityCount = reader.U16();
        var additionalCount = reader.U16();
        var questions = new List<DnsQuestion>(Math.Min((int)questionCount, 16));
        for (var i = 0; i < questionCount; i++)
        {
            var name = reader.Name();
            var type = (DnsRecordType)reader.U16();
            var cls = reader.U16();
            questions.Add(new DnsQuestion(name, type, cls));
        }

        var answers = ReadRecords(ref reader, answerCount);
        var authorities = ReadRecords(ref reader, authorityCount);
        var additionals = ReadRecords(ref reader, additionalCount);
        return new DnsMessage
        {
            Id = id,
            IsResponse = (flags & 0x8000) != 0,
            OpCode = (byte)((flags >> 11) & 0xF),
            Authoritative = (flags & 0x0400) != 0,
            Truncated = (flags & 0x0200) != 0,
            RecursionDesired = (flags & 0x0100) != 0,
            RecursionAvailable = (flags & 0x0080) != 0,
            AuthenticData = (flags & 0x0020) != 0,
            CheckingDisabled = (flags & 0x0010) != 0,
            ResponseCode = (DnsResponseCode)(flags & 0xF),
            Questions = questions,
            Answers = answers,
            Authorities = authorities,
            Additionals = additionals,
        };
    }

    private static List<DnsResourceRecord> ReadRecords(ref Cursor reader, int count)
    {
        var records = new List<DnsResourceRecord>(Math.Min(count, 64));
        for (var i = 0; i < count; i++)
        {
            var name = reader.Name();
            var type = (DnsRecordType)reader.U16();
            var cls = reader.U16();
            var ttl = reader.U32();
            var length = reader.U16();
            var end = reader.Position + length;
            if (end > reader.Length)
            {
                throw new FormatException($"record data of {name} runs past the end of the message");
            }

            var data = ReadData(ref reader, type, end);
            if (reader.Position != end)
            {
                throw new FormatException($"record data of {name} ({type}) does not match its length {length}");
            }

            records.Add(new DnsResourceRecord(name, type, cls, ttl, data));
        }

        return records;
    }

    private static DnsRecordData ReadData(ref Cursor reader, DnsRecordType type, int end)
    {
        var length = end - reader.Position;
        switch (type)
        {
            case DnsRecordType.A when length == 4:
            case DnsRecordType.AAAA when length == 16:
                return new AddressRecordData(new IPAddress(reader.Bytes(length)));
            case DnsRecordType.A:
            case DnsRecordType.AAAA:
                throw new FormatException($"{type} data has length {length}");
            case DnsRecordType.NS:
            case DnsRecordType.CNAME:
                return new NameRecordData(type, reader.Name());
            case DnsRecordType.MX:
                return new MxRecordData(reader.U16(), reader.Name());
            case DnsRecordType.SOA:
                return new SoaRecordData(reader.Name(), reader.Name(), reader.U32(), reader.U32(), reader.U32(), reader.U32(), reader.U32());
            case DnsRecordType.TXT:
                var strings = new List<string>();
                while (reader.Position < end)
                {
                    var count = reader.Byte();
                    if (reader.Position + count > end)
                    {
                        throw new FormatException("TXT character-string runs past its record");
                    }

                    strings.Add(Encoding.UTF8.GetString(reader.Bytes(count)));
                }

                return new TxtRecordData(strings);
            case DnsRecordType.CAA:
                var flags = reader.Byte();
                var tagLength = reader.Byte();
                if (reader.Position + tagLength > end)
                {
                    throw new FormatException("CAA tag runs past its record");
                }

                var tag = Encoding.ASCII.GetString(reader.Bytes(tagLength));
                return new CaaRecordData(flags, tag, Encoding.UTF8.GetString(reader.Bytes(end - reader.Position)));
            case DnsRecordType.DS:
                return new DsRecordData(reader.U16(), reader.Byte(), reader.Byte(), reader.Bytes(end - reader.Position));
            case DnsRecordType.DNSKEY:
                return new DnskeyRecordData(reader.U16(), reader.Byte(), reader.Byte(), reader.Bytes(end - reader.Position));
            case DnsRecordType.OPT:
                return new OptRecordData(reader.Bytes(length));
            default:
                return new UnknownRecordData(type, reader.Bytes(length));
        }
    }

    private ref struct Cursor(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public readonly int Length => _bytes.Length;

        public byte Byte()
        {
            Need(1);
            return _bytes[Position++];
        }

        public ushort U16()
        {
            Need(2);
            var value = BinaryPrimitives.ReadUInt16BigEndian(_bytes[Position..]);
            Position += 2;
            return value;
        }

        public uint U32()
        {
            Need(4);
            var value = BinaryPrimitives.ReadUInt32BigEndian(_bytes[Position..]);
            Position += 4;
            return value;
        }

        public byte[] Bytes(int count)
        {
            Need(count);
            var value = _bytes.Slice(Position, count).ToArray();
            Position += count;
            return value;
        }

        /// <summary>
        /// Reads a possibly compressed name. A pointer must point strictly before the segment being read (where reading started or the previous pointer led),
        /// which rules out loops; the jump count and the 255-byte limit bound the work anyway.
        /// </summary>
        public string Name()
        {
            var builder = new StringBuilder();
            var position = Position;
            var resumeAt = -1;
            var segmentStart = position;
            var jumps = 0;
            var wireLength = 1;
            while (true)
            {
                if (position >= _bytes.Length)
                {
                    throw new FormatException("name runs past the end of the message");
                }

                var length = _bytes[position];
                if ((length & 0xC0) == 0xC0)
                {
                    if (position + 1 >= _bytes.Length)
                    {
                        throw new FormatException("compression pointer runs past the end of the message");
                    }

                    var target = ((length & 0x3F) << 8) | _bytes[position + 1];
                    if (target >= segmentStart || ++jumps > MaxPointerJumps)
                    {
                        throw new FormatException($"compression pointer at {position} to {target} points forward or loops");
                    }

                    if (resumeAt < 0)
                    {
                        resumeAt = position + 2;
                    }

                    position = target;
                    segmentStart = target;
                    continue;
                }

                if ((length & 0xC0) != 0)
                {
                    throw new FormatException($"reserved label type 0x{length:X2} at {position}");
                }

                if (length == 0)
                {
                    position++;
                    break;
                }

                wireLength += length + 1;
                if (wireLength > DnsName.MaxNameLength)
                {
                    throw new FormatException("name is longer than 255 bytes");
                }

                if (position + 1 + length > _bytes.Length)
                {
                    throw new FormatException("label runs past the end of the message");
                }

                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(DnsName.FormatLabel(_bytes.Slice(position + 1, length)));
                position += 1 + length;
            }

            Position = resumeAt >= 0 ? resumeAt : position;
            return builder.ToString();
        }

        private readonly void Need(int count)
        {
            if (count < 0 || Position + count > _bytes.Length)
            {
                throw new FormatException($"message ends at {_bytes.Length} bytes, {count} more needed at {Position}");
            }
        }
    }
}
