namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>A DNS message: header flags and the four sections.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</seealso>
public sealed record DnsMessage
{
    /// <summary>The query identifier, copied into the response.</summary>
    public ushort Id { get; init; }

    /// <summary>QR: whether this is a response.</summary>
    public bool IsResponse { get; init; }

    /// <summary>The 4-bit OPCODE; 0 is a standard query.</summary>
    public byte OpCode { get; init; }

    /// <summary>AA: the answer comes from an authoritative server.</summary>
    public bool Authoritative { get; init; }

    /// <summary>TC: the message was truncated to fit the transport.</summary>
    public bool Truncated { get; init; }

    /// <summary>RD: recursion desired.</summary>
    public bool RecursionDesired { get; init; }

    /// <summary>RA: recursion available.</summary>
    public bool RecursionAvailable { get; init; }

    /// <summary>AD: authentic data (RFC 4035 §3.2.3).</summary>
    public bool AuthenticData { get; init; }

    /// <summary>CD: checking disabled (RFC 4035 §3.2.2).</summary>
    public bool CheckingDisabled { get; init; }

    /// <summary>The 4-bit RCODE.</summary>
    public DnsResponseCode ResponseCode { get; init; }

    /// <summary>The question section.</summary>
    public IReadOnlyList<DnsQuestion> Questions { get; init; } = [];

    /// <summary>The answer section.</summary>
    public IReadOnlyList<DnsResourceRecord> Answers { get; init; } = [];

    /// <summary>The authority section.</summary>
    public IReadOnlyList<DnsResourceRecord> Authorities { get; init; } = [];

    /// <summary>The additional section (including any OPT pseudo-record).</summary>
    public IReadOnlyList<DnsResourceRecord> Additionals { get; init; } = [];

    /// <summary>The OPT pseudo-record of the additional section, if any (RFC 6891).</summary>
    public DnsResourceRecord? Opt => Additionals.FirstOrDefault(r => r.Type == DnsRecordType.OPT);

    /// <summary>Creates a standard query with RD set.</summary>
    public static DnsMessage CreateQuery(ushort id, string name, DnsRecordType type, ushort? ednsPayloadSize = null) => new()
    {
        Id = id,
        RecursionDesired = true,
        Questions = [new DnsQuestion(name, type)],
        Additionals = ednsPayloadSize is { } size ? [DnsResourceRecord.CreateOpt(size)] : [],
    };
}
