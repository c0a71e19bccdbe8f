namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>The outcome of parsing a DNS message: the message, or why it could not be parsed.</summary>
/// <param name="Message">The parsed message, when parsing succeeded.</param>
/// <param name="Error">Why parsing failed, when it did.</param>
/// <param name="Id">The message ID when at least two bytes were present, so that a FORMERR can still be matched.</param>
public sealed record DnsReadResult(DnsMessage? Message, string? Error, ushort? Id)
{
    /// <summary>Whether a message was parsed.</summary>
    public bool Success => Message is not null;
}
