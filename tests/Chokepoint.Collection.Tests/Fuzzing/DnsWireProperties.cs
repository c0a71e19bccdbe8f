using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using Chokepoint.Collection.Asn;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Tests.Dns;
using Chokepoint.Observations.Network;
using Chokepoint.Simulation.Dns.Wire;
using CsCheck;
using DnsClient;

namespace Chokepoint.Collection.Tests.Fuzzing;

/// <summary>
/// DNS wire messages from a hostile server on loopback (UDP, and TCP after a truncated UDP answer): random bytes and
/// mutated answers (cut short, compression-pointer loops, counts that lie, RDLENGTH past the end, CNAME chains that
/// loop), through <see cref="DnsLookup"/> and <see cref="HostCollector"/>. Always an answer or a gap with one short
/// line of reason, never an exception, and within the probe timeout.
/// </summary>
public sealed class DnsWireProperties
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMilliseconds(800);
    private static readonly TimeSpan MaxSlack = TimeSpan.FromSeconds(12);

    private volatile Response current = new(Kind.Valid, [], KeepId: true);

    /// <summary>The shapes of answer a sample starts from before its byte edits.</summary>
    public enum Kind
    {
        Valid,
        PointerLoop,
        CountsThatLie,
        HugeRdLength,
        CnameLoop,
        TruncatedThenTcp,
        RandomBytes,
    }

    /// <summary>One sample: the shape, the byte edits applied to it, and whether the query id is kept (a wrong id is ignored by the client).</summary>
    public sealed record Response(Kind Kind, int[] Edits, bool KeepId);

    private static readonly Gen<Response> Responses = Gen.Select(
        Gen.Enum<Kind>(),
        Gen.Int[0, int.MaxValue].Array[0, 12],
        Gen.Int[0, 9].Select(n => n > 0),
        (kind, edits, keepId) => new Response(kind, edits, keepId));

    [Fact]
    public async Task Hostile_answers_give_an_answer_or_a_one_line_gap_within_the_probe_timeout()
    {
        await using var server = new HostileDnsServer((query, overTcp) => Build(current, query, overTcp));
        var answered = 0;
        var failed = 0;
        await Responses.SampleAsync(async response =>
        {
            current = response;
            var dns = new DnsLookup(
                new NetworkProfile { Resolver = server.EndPoint.ToString(), DnsPort = server.EndPoint.Port, Name = "hostile" }, TimeProvider.System, QueryTimeout);
            var clock = Stopwatch.StartNew();

            var answer = await dns.QueryAsync("www.fuzz.example", QueryType.A, CancellationToken.None);
            var host = await new HostCollector(dns, AddressAnnotator.None).CollectAsync("www.fuzz.example", "www", CancellationToken.None);

            // Two rounds of queries, each bounded by the probe timeout (UDP and the TCP retry share one probe); the
            // slack is for a loaded machine, not for the server: a hang or an unbounded retry takes far longer.
            Assert.True(clock.Elapsed < (2 * QueryTimeout) + MaxSlack, $"took {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(answer.Failure is null, answer.FailureKind is null);
            if (answer.Failure is null)
            {
                Assert.NotNull(answer.Response);
                Interlocked.Increment(ref answered);
            }
            else
            {
                DnsOdditiesTests.AssertOneShortLine(answer.Failure);
                Interlocked.Increment(ref failed);
            }

            Assert.True(host.Value is not null || host.Unobserved.Count > 0, "a host or a gap");
            Assert.All(host.Unobserved, gap => Assert.DoesNotContain(gap.Reason, char.IsControl));
        }, iter: Fuzz.Iterations(150), threads: 1);

        // The samples reach both sides: messages the client reads and messages it refuses.
        Assert.True(answered > 0 && failed > 0, $"{answered} answered, {failed} failed");
    }

    /// <summary>The bytes the server sends for <paramref name="response"/> to <paramref name="query"/>.</summary>
    private static byte[]? Build(Response response, byte[] query, bool overTcp)
    {
        var (name, type) = HostileDnsServer.Question(query);
        byte[] message = response.Kind switch
        {
            Kind.Valid => Valid(query, name, type),
            Kind.PointerLoop => PointerLoop(query),
            Kind.CountsThatLie => WithCounts(Valid(query, name, type), 0xFFFF, 0xFFFF, 0xFFFF),
            Kind.HugeRdLength => HugeRdLength(query),
            Kind.CnameLoop => HostileDnsServer.Answer(query, Cname(name, "b." + name), Cname("b." + name, name)),
            Kind.TruncatedThenTcp when !overTcp => WithTruncatedFlag(HostileDnsServer.Answer(query)),
            Kind.TruncatedThenTcp => Valid(query, name, type),
            _ => [.. query[..2], .. Mutations.Apply(new byte[64], response.Edits)],
        };

        // A truncated UDP answer is left as it is, so the client goes on to TCP, where the edits apply.
        var edited = response.Kind == Kind.TruncatedThenTcp && !overTcp ? message : Mutations.Apply(message, response.Edits);
        if (response.KeepId && edited.Length >= 2)
        {
            edited[0] = query[0];
            edited[1] = query[1];
        }

        return edited;
    }

    private static DnsResourceRecord Cname(string from, string to) =>
        DnsResourceRecord.Create(from, 300, new NameRecordData(DnsRecordType.CNAME, to));

    private static byte[] Valid(byte[] query, string name, DnsRecordType type) => type == DnsRecordType.AAAA
        ? HostileDnsServer.Answer(query, Cname(name, "edge.cdn.example"), DnsResourceRecord.Create("edge.cdn.example", 60, new AddressRecordData(IPAddress.IPv6Loopback)))
        : HostileDnsServer.Answer(query, Cname(name, "edge.cdn.example"), DnsResourceRecord.Create("edge.cdn.example", 60, new AddressRecordData(IPAddress.Parse("127.0.0.7"))));

    /// <summary>One answer whose owner name is a compression pointer to itself.</summary>
    private static byte[] PointerLoop(byte[] query)
    {
        var end = HostileDnsServer.QuestionEnd(query);
        var response = WithCounts(HostileDnsServer.Answer(query), 1, 0, 0).ToList();
        response.AddRange([(byte)(0xC0 | (end >> 8)), (byte)end, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
        return [.. response];
    }

    /// <summary>One A record whose RDLENGTH says 65,535 bytes follow, and four do.</summary>
    private static byte[] HugeRdLength(byte[] query)
    {
        var response = WithCounts(HostileDnsServer.Answer(query), 1, 0, 0).ToList();
        response.AddRange([0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0xFF, 0xFF, 127, 0, 0, 1]);
        return [.. response];
    }

    private static byte[] WithCounts(byte[] message, ushort answers, ushort authorities, ushort additionals)
    {
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(6), answers);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(8), authorities);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(10), additionals);
        return message;
    }

    private static byte[] WithTruncatedFlag(byte[] message)
    {
        message[2] |= 0x02;
        return message;
    }
}
