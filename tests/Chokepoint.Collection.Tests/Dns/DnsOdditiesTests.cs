using System.Net;
using Chokepoint.Collection.Asn;
using Chokepoint.Collection.Dns;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;
using Chokepoint.Simulation.Dns.Wire;
using DnsClient;

namespace Chokepoint.Collection.Tests.Dns;

/// <summary>
/// DNS answers that are legal on the wire but make no sense (CNAME loops, chains too long to follow) and messages
/// that cannot be read (compression-pointer loops), from a hostile server on loopback: each is a gap with one short
/// line of reason, never "no addresses" and never a packet dump.
/// </summary>
public sealed class DnsOdditiesTests
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    private static DnsLookup LookupAt(HostileDnsServer server) =>
        new(new NetworkProfile { Resolver = server.EndPoint.ToString(), DnsPort = server.EndPoint.Port, Name = "hostile" }, TimeProvider.System, QueryTimeout);

    private static DnsResourceRecord Cname(string from, string to) =>
        DnsResourceRecord.Create(from, 300, new NameRecordData(DnsRecordType.CNAME, to));

    [Fact]
    public async Task A_compression_pointer_loop_is_a_malformed_answer_with_a_one_line_reason()
    {
        await using var server = new HostileDnsServer((query, _) =>
        {
            // One answer whose owner name is a pointer to itself.
            var end = HostileDnsServer.QuestionEnd(query);
            var response = query[..end].ToList();
            response[2] = 0x81;
            response[3] = 0x80;
            response[7] = 1;
            response[10] = 0;
            response[11] = 0;
            response.AddRange([(byte)(0xC0 | (end >> 8)), (byte)end, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
            return [.. response];
        });

        var answer = await LookupAt(server).QueryAsync("loop.example", QueryType.A, CancellationToken.None);

        Assert.Equal(GapKind.Malformed, answer.FailureKind);
        AssertOneShortLine(answer.Failure);
        Assert.StartsWith("malformed answer: ", answer.Failure, StringComparison.Ordinal);
        Assert.Contains("recursion", answer.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("self.example", "CNAME loop: self.example -> self.example", "self.example>self.example")]
    [InlineData("a.example", "CNAME loop: a.example -> b.example -> a.example", "a.example>b.example", "b.example>a.example")]
    [InlineData("a.example", "CNAME loop: a.example -> b.example -> c.example -> b.example", "a.example>b.example", "b.example>c.example", "c.example>b.example")]
    public async Task A_cname_loop_is_a_malformed_gap_naming_the_loop_not_a_host_without_addresses(string host, string reason, params string[] cnames)
    {
        await using var server = CnameServer(cnames.Select(c => c.Split('>')).Select(p => Cname(p[0], p[1])).ToArray());
        var collector = new HostCollector(LookupAt(server), AddressAnnotator.None);

        var collected = await collector.CollectAsync(host, "apex", CancellationToken.None);

        Assert.Null(collected.Value);
        var gap = Assert.Single(collected.Unobserved);
        Assert.Equal(GapKind.Malformed, gap.Kind);
        Assert.Equal(reason, gap.Reason);
        Assert.Equal(GapKeys.ForHost("apex"), gap.Subject);
    }

    [Fact]
    public async Task A_cname_chain_longer_than_the_bound_is_a_bounded_gap()
    {
        var records = Enumerable.Range(0, AliasChain.MaxLength + 1)
            .Select(i => Cname($"n{i}.example", $"n{i + 1}.example"))
            .Append(DnsResourceRecord.Create($"n{AliasChain.MaxLength + 1}.example", 60, new AddressRecordData(IPAddress.Parse("127.0.0.9"))))
            .ToArray();
        await using var server = CnameServer(records);
        var collector = new HostCollector(LookupAt(server), AddressAnnotator.None);

        var collected = await collector.CollectAsync("n0.example", "apex", CancellationToken.None);

        Assert.Null(collected.Value);
        var gap = Assert.Single(collected.Unobserved);
        Assert.Equal(GapKind.Bounded, gap.Kind);
        Assert.StartsWith($"CNAME chain longer than {AliasChain.MaxLength} aliases: n0.example -> n1.example -> ... -> n16.example", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cname_chain_of_exactly_the_bound_resolves()
    {
        var records = Enumerable.Range(0, AliasChain.MaxLength)
            .Select(i => Cname($"n{i}.example", $"n{i + 1}.example"))
            .Append(DnsResourceRecord.Create($"n{AliasChain.MaxLength}.example", 60, new AddressRecordData(IPAddress.Parse("127.0.0.9"))))
            .ToArray();
        await using var server = CnameServer(records);
        var collector = new HostCollector(LookupAt(server), AddressAnnotator.None);

        var collected = await collector.CollectAsync("n0.example", "apex", CancellationToken.None);

        Assert.NotNull(collected.Value);
        Assert.Equal(AliasChain.MaxLength, collected.Value.CnameChain.Count);
        Assert.Equal("127.0.0.9", Assert.Single(collected.Value.Addresses).Ip);
    }

    [Fact]
    public async Task A_mail_exchanger_whose_name_loops_is_a_malformed_gap_not_an_exchanger_without_address()
    {
        await using var server = new HostileDnsServer((query, _) =>
        {
            var (name, type) = HostileDnsServer.Question(query);
            return type switch
            {
                DnsRecordType.MX => HostileDnsServer.Answer(query, DnsResourceRecord.Create(name, 60, new MxRecordData(10, "mx.loop.example"))),
                DnsRecordType.A or DnsRecordType.AAAA when name == "mx.loop.example" => HostileDnsServer.Answer(query, Cname("mx.loop.example", "mx.loop.example")),
                _ => HostileDnsServer.Answer(query),
            };
        });
        var collector = new MailCollector(LookupAt(server), AddressAnnotator.None);

        var collected = await collector.CollectAsync("loop.example", CancellationToken.None);

        var gap = Assert.Single(collected.Unobserved, g => g.Subject == GapKeys.MailExchanger);
        Assert.Equal(GapKind.Malformed, gap.Kind);
        Assert.Equal("CNAME loop: mx.loop.example -> mx.loop.example", gap.Reason);
    }

    [Theory]
    [InlineData("line one\nline two\r\n[AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==]", "line one; line two")]
    [InlineData("bell\u0007and\u001b[31mred", "bell and [31mred")]
    [InlineData("zero\u200bwidth \u202eright-to-left", "zero width right-to-left")]
    [InlineData("", "unreadable")]
    public void A_failure_reason_is_one_clean_line(string text, string expected) =>
        Assert.Equal(expected, DnsFailureText.OneLine(text));

    [Fact]
    public void A_long_failure_reason_is_cut_to_the_limit()
    {
        var reason = DnsFailureText.OneLine(string.Join(' ', Enumerable.Repeat("word", 200)) + " " + new string('x', 500));

        Assert.Equal(DnsFailureText.MaxLength, reason.Length);
        Assert.EndsWith("...", reason, StringComparison.Ordinal);
    }

    /// <summary>A failure reason as every report, log and terminal needs it.</summary>
    internal static void AssertOneShortLine(string? reason)
    {
        Assert.NotNull(reason);
        Assert.InRange(reason.Length, 1, DnsFailureText.MaxLength + "malformed answer: ".Length);
        Assert.DoesNotContain(reason, char.IsControl);
    }

    /// <summary>A resolver that answers every A and AAAA query with all of <paramref name="records"/> (a whole chain), anything else empty.</summary>
    private static HostileDnsServer CnameServer(DnsResourceRecord[] records) => new((query, _) =>
        HostileDnsServer.Question(query).Type is DnsRecordType.A or DnsRecordType.AAAA
            ? HostileDnsServer.Answer(query, records)
            : HostileDnsServer.Answer(query));
}
