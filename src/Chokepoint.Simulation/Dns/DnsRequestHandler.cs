using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// Turns the bytes of one query into the bytes of the response (or none), for the resolver
/// (<c>role</c> null) or for a nameserver address: parsing, faults, answering, EDNS and truncation.
/// </summary>
internal sealed class DnsRequestHandler(
    ResolverResponder resolver,
    AuthoritativeResponder authoritative,
    DnsFaultPlan faults,
    DnsServerOptions options,
    DnsQueryCounter counter)
{
    private const int TcpMaxMessage = 65535;

    public async Task<byte[]?> HandleAsync(byte[] query, ListenerRole? role, bool tcp, CancellationToken cancellationToken)
    {
        counter.CountReceived();
        var read = DnsMessageReader.Read(query);
        if (read.Message is not { } message)
        {
            // Never answer something that claims to be a response; FORMERR anything else that has an ID.
            return read.Id is { } id && query.Length >= 3 && (query[2] & 0x80) == 0 ? FormatError(id) : null;
        }

        if (message.IsResponse)
        {
            return null;
        }

        var baseResponse = new DnsMessage
        {
            Id = message.Id,
            IsResponse = true,
            OpCode = message.OpCode,
            RecursionDesired = message.RecursionDesired,
            RecursionAvailable = role is null,
            CheckingDisabled = message.CheckingDisabled,
            Questions = message.Questions,
            Additionals = message.Opt is null ? [] : [DnsResourceRecord.CreateOpt(options.MaxUdpPayloadSize)],
        };
        if (message.OpCode != 0)
        {
            return DnsMessageWriter.Write(baseResponse with { ResponseCode = DnsResponseCode.NotImplemented });
        }

        if (message.Questions.Count != 1)
        {
            return DnsMessageWriter.Write(baseResponse with { ResponseCode = DnsResponseCode.FormatError });
        }

        var question = message.Questions[0];
        counter.Count(role is null ? null : string.Join(",", role.Hosts.Order(StringComparer.Ordinal)), question);
        var (delay, fault) = faults.Decide(DnsName.Key(question.Name), role?.Hosts);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        switch (fault)
        {
            case DnsFaultKind.NoAnswer:
                return null;
            case DnsFaultKind.Malformed:
                return Garbage(message.Id);
            case DnsFaultKind.ServerFailure:
                return DnsMessageWriter.Write(baseResponse with { ResponseCode = DnsResponseCode.ServerFailure });
            case DnsFaultKind.Refused:
                return DnsMessageWriter.Write(baseResponse with { ResponseCode = DnsResponseCode.Refused });
            default:
                break;
        }

        var answer = role is null ? resolver.Answer(question) : authoritative.Answer(role, question);
        var response = baseResponse with
        {
            ResponseCode = answer.Code,
            Authoritative = answer.Authoritative,
            Answers = answer.Answers,
            Authorities = answer.Authorities,
            Additionals = [.. answer.Additionals, .. baseResponse.Additionals],
        };
        if (fault == DnsFaultKind.Truncated)
        {
            return tcp ? CutShort(response) : DnsMessageWriter.Write(DnsMessageWriter.Truncate(response));
        }

        return DnsMessageWriter.WriteWithinLimit(response, tcp ? TcpMaxMessage : UdpLimit(message));
    }

    /// <summary>A FORMERR with only the ID of a query that could not be parsed (RFC 1035 §4.1.1).</summary>
    public static byte[] FormatError(ushort id) =>
        DnsMessageWriter.Write(new DnsMessage { Id = id, IsResponse = true, ResponseCode = DnsResponseCode.FormatError });

    /// <summary>
    /// A response header with QR set, one question and 65535 answers, followed by a label that claims
    /// 63 bytes but is cut short by random bytes: it carries the right ID and no parser can read it.
    /// </summary>
    public static byte[] Garbage(ushort id)
    {
        var random = new Random(id);
        var tail = new byte[random.Next(16, 48)];
        random.NextBytes(tail);
        byte[] header = [(byte)(id >> 8), (byte)id, 0x81, 0x80, 0x00, 0x01, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x3F];
        return [.. header, .. tail];
    }

    private int UdpLimit(DnsMessage query) =>
        query.Opt is { } opt ? Math.Clamp((int)opt.Class, 512, options.MaxUdpPayloadSize) : 512;

    /// <summary>The encoded response cut in the middle of its records (or of its question when it has none).</summary>
    private static byte[] CutShort(DnsMessage response)
    {
        var full = DnsMessageWriter.Write(response);
        var questionEnd = DnsMessageWriter.Write(response with { Answers = [], Authorities = [], Additionals = [] }).Length;
        var cut = full.Length - questionEnd > 1 ? questionEnd + ((full.Length - questionEnd) / 2) : Math.Max(12, questionEnd - 3);
        return full[..cut];
    }
}
