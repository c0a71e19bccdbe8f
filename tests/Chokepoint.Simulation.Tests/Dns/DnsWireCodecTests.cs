using System.Net;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Tests.Dns;

public sealed class DnsWireCodecTests
{
    private static DnsMessage SampleResponse() => new()
    {
        Id = 0xBEEF,
        IsResponse = true,
        Authoritative = true,
        RecursionDesired = true,
        RecursionAvailable = true,
        ResponseCode = DnsResponseCode.NoError,
        Questions = [new DnsQuestion("example.com", DnsRecordType.ANY)],
        Answers =
        [
            DnsResourceRecord.Create("example.com", 300, new AddressRecordData(IPAddress.Parse("127.0.0.10"))),
            DnsResourceRecord.Create("example.com", 300, new AddressRecordData(IPAddress.Parse("::1"))),
            DnsResourceRecord.Create("example.com", 3600, new NameRecordData(DnsRecordType.NS, "ns1.example.com")),
            DnsResourceRecord.Create("www.example.com", 60, new NameRecordData(DnsRecordType.CNAME, "example.com")),
            DnsResourceRecord.Create("example.com", 3600, new SoaRecordData("ns1.example.com", "hostmaster.example.com", 7, 1, 2, 3, 4)),
            DnsResourceRecord.Create("example.com", 300, new MxRecordData(10, "mx.example.com")),
            DnsResourceRecord.Create("example.com", 300, new TxtRecordData(["v=spf1 -all", "second"])),
            DnsResourceRecord.Create("example.com", 300, new CaaRecordData(128, "issue", "letsencrypt.org")),
            DnsResourceRecord.Create("example.com", 300, new DsRecordData(12345, 13, 2, [1, 2, 3, 4])),
            DnsResourceRecord.Create("example.com", 300, new DnskeyRecordData(257, 3, 13, [9, 8, 7])),
        ],
        Additionals = [DnsResourceRecord.CreateOpt(1232)],
    };

    [Fact]
    public void Every_record_type_round_trips()
    {
        var original = SampleResponse();
        var read = DnsMessageReader.Read(DnsMessageWriter.Write(original));

        Assert.True(read.Success, read.Error);
        var message = read.Message!;
        Assert.Equal(0xBEEF, message.Id);
        Assert.True(message.IsResponse && message.Authoritative && message.RecursionDesired && message.RecursionAvailable);
        Assert.False(message.Truncated);
        Assert.Equal(original.Questions, message.Questions);
        Assert.Equal(original.Answers.Count, message.Answers.Count);
        for (var i = 0; i < original.Answers.Count; i++)
        {
            var expected = original.Answers[i];
            var actual = message.Answers[i];
            Assert.Equal((expected.Name, expected.Type, expected.Class, expected.Ttl), (actual.Name, actual.Type, actual.Class, actual.Ttl));
            switch (expected.Data)
            {
                case DsRecordData ds:
                    var readDs = Assert.IsType<DsRecordData>(actual.Data);
                    Assert.Equal((ds.KeyTag, ds.Algorithm, ds.DigestType), (readDs.KeyTag, readDs.Algorithm, readDs.DigestType));
                    Assert.Equal(ds.Digest, readDs.Digest);
                    break;
                case DnskeyRecordData key:
                    var readKey = Assert.IsType<DnskeyRecordData>(actual.Data);
                    Assert.Equal((key.Flags, key.Protocol, key.Algorithm), (readKey.Flags, readKey.Protocol, readKey.Algorithm));
                    Assert.Equal(key.PublicKey, readKey.PublicKey);
                    break;
                case TxtRecordData txt:
                    Assert.Equal(txt.Strings, Assert.IsType<TxtRecordData>(actual.Data).Strings);
                    break;
                default:
                    Assert.Equal(expected.Data, actual.Data);
                    break;
            }
        }

        var opt = Assert.Single(message.Additionals);
        Assert.Equal(DnsRecordType.OPT, opt.Type);
        Assert.Equal(1232, opt.Class);
        Assert.Equal("", opt.Name);
    }

    [Fact]
    public void Flags_and_response_codes_round_trip()
    {
        var message = new DnsMessage
        {
            Id = 1,
            IsResponse = true,
            OpCode = 2,
            Truncated = true,
            AuthenticData = true,
            CheckingDisabled = true,
            ResponseCode = DnsResponseCode.Refused,
        };

        var read = DnsMessageReader.Read(DnsMessageWriter.Write(message)).Message!;

        Assert.Equal(message with { Questions = read.Questions, Answers = read.Answers, Authorities = read.Authorities, Additionals = read.Additionals }, read);
    }

    [Fact]
    public void Repeated_names_are_compressed_with_pointers()
    {
        var message = SampleResponse();
        var bytes = DnsMessageWriter.Write(message);

        // "example.com" appears in the question once in full, then every owner name is a 2-byte pointer to offset 12.
        var pointerToQuestion = new byte[] { 0xC0, 12 };
        var pointers = Enumerable.Range(0, bytes.Length - 1).Count(i => bytes[i] == pointerToQuestion[0] && bytes[i + 1] == pointerToQuestion[1]);
        Assert.True(pointers >= message.Answers.Count, $"only {pointers} pointers to the question name");
        var uncompressedOwnerBytes = message.Answers.Count * "example.com".Length;
        Assert.True(bytes.Length < 12 + 17 + (message.Answers.Count * 10) + uncompressedOwnerBytes + 200);
    }

    [Fact]
    public void Compression_is_case_insensitive_and_still_decodes_suffixes()
    {
        var message = new DnsMessage
        {
            Questions = [new DnsQuestion("www.Example.COM", DnsRecordType.MX)],
            Answers = [DnsResourceRecord.Create("www.example.com", 1, new MxRecordData(5, "mail.example.com"))],
        };

        var read = DnsMessageReader.Read(DnsMessageWriter.Write(message)).Message!;

        Assert.Equal("mail.example.com", ((MxRecordData)read.Answers[0].Data).Exchange, ignoreCase: true);
        Assert.Equal("www.example.com", read.Answers[0].Name, ignoreCase: true);
    }

    [Fact]
    public void Long_txt_strings_are_split_into_255_byte_character_strings()
    {
        var text = new string('a', 600);
        var message = new DnsMessage { Answers = [DnsResourceRecord.Create("t.example", 1, new TxtRecordData([text]))] };

        var read = DnsMessageReader.Read(DnsMessageWriter.Write(message)).Message!;

        var txt = Assert.IsType<TxtRecordData>(read.Answers[0].Data);
        Assert.Equal([255, 255, 90], txt.Strings.Select(s => s.Length));
        Assert.Equal(text, txt.Text);
    }

    [Fact]
    public void Pointer_loop_is_a_parse_failure()
    {
        // Header with one question; the name at offset 12 is a pointer to itself.
        byte[] bytes = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1];

        var read = DnsMessageReader.Read(bytes);

        Assert.False(read.Success);
        Assert.Equal((ushort)1, read.Id);
        Assert.Contains("pointer", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pointer_back_into_a_label_that_leads_to_itself_is_a_parse_failure()
    {
        // Offset 12: label "a", then at 14 a pointer to 12: reading it would go a.a.a.a... forever.
        byte[] bytes = [0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0xC0, 12, 0, 1, 0, 1];

        var read = DnsMessageReader.Read(bytes);

        Assert.False(read.Success);
        Assert.Contains("pointer", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_pointer_is_a_parse_failure()
    {
        byte[] bytes = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 16, 0, 1, 1, (byte)'a', 0, 0, 1, 0, 1];

        Assert.False(DnsMessageReader.Read(bytes).Success);
    }

    [Fact]
    public void Every_truncation_of_a_valid_message_is_a_parse_failure_not_an_exception()
    {
        var bytes = DnsMessageWriter.Write(SampleResponse());

        for (var length = 0; length < bytes.Length; length++)
        {
            var read = DnsMessageReader.Read(bytes.AsSpan(0, length));
            Assert.False(read.Success, $"a prefix of {length} bytes parsed");
            Assert.NotNull(read.Error);
            Assert.Equal(length >= 2 ? 0xBEEF : null, read.Id);
        }
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(1234);
        var valid = DnsMessageWriter.Write(SampleResponse());
        for (var i = 0; i < 5000; i++)
        {
            var bytes = i % 2 == 0 ? new byte[random.Next(0, 300)] : (byte[])valid.Clone();
            if (i % 2 == 0)
            {
                random.NextBytes(bytes);
            }
            else
            {
                for (var flips = 0; flips < 4; flips++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            var read = DnsMessageReader.Read(bytes);
            Assert.True(read.Success ^ (read.Error is not null));
        }
    }

    [Fact]
    public void Record_data_length_mismatch_is_a_parse_failure()
    {
        var bytes = DnsMessageWriter.Write(new DnsMessage
        {
            Answers = [DnsResourceRecord.Create("a.example", 1, new AddressRecordData(IPAddress.Parse("127.0.0.1")))],
        });
        bytes[^5] = 5; // RDLENGTH 4 -> 5 runs past the end.

        Assert.False(DnsMessageReader.Read(bytes).Success);
    }

    [Fact]
    public void Truncate_keeps_question_and_opt_only()
    {
        var truncated = DnsMessageWriter.Truncate(SampleResponse());

        Assert.True(truncated.Truncated);
        Assert.Empty(truncated.Answers);
        Assert.Equal(DnsRecordType.OPT, Assert.Single(truncated.Additionals).Type);
        Assert.Single(truncated.Questions);
    }

    [Fact]
    public void Write_within_limit_sets_tc_only_when_too_large()
    {
        var small = DnsMessageReader.Read(DnsMessageWriter.WriteWithinLimit(SampleResponse(), 4096)).Message!;
        var cut = DnsMessageReader.Read(DnsMessageWriter.WriteWithinLimit(SampleResponse(), 100)).Message!;

        Assert.False(small.Truncated);
        Assert.Equal(10, small.Answers.Count);
        Assert.True(cut.Truncated);
        Assert.Empty(cut.Answers);
    }

    [Fact]
    public void Names_with_escaped_dots_round_trip_as_single_labels()
    {
        var message = new DnsMessage { Questions = [new DnsQuestion(@"a\.b.example", DnsRecordType.A)] };
        var bytes = DnsMessageWriter.Write(message);

        Assert.Equal(3, bytes[12]); // first label is "a.b", three bytes
        Assert.Equal(@"a\.b.example", DnsMessageReader.Read(bytes).Message!.Questions[0].Name);
    }

    [Fact]
    public void Invalid_names_are_rejected_by_the_writer()
    {
        var message = new DnsMessage { Questions = [new DnsQuestion(new string('a', 64) + ".example", DnsRecordType.A)] };

        Assert.Throws<ArgumentException>(() => DnsMessageWriter.Write(message));
    }
}
