namespace Chokepoint.Simulation.Dns;

/// <summary>
/// The DNS fault kinds a world's <see cref="World.Fault.Kind"/> can name. A fault's
/// <see cref="World.Fault.Target"/> is <c>dns:NAME</c> (queries for exactly that name, at the resolver and
/// at authoritative servers), <c>ns:HOST</c> (every query reaching that nameserver's listener) or <c>*</c>
/// (every query at every DNS listener).
/// </summary>
public enum DnsFaultKind
{
    /// <summary>No fault.</summary>
    None,

    /// <summary>"delay": answer normally after <see cref="World.Fault.DelayMs"/> milliseconds (delays of matching faults add up).</summary>
    Delay,

    /// <summary>"no-answer": drop the query; the client times out.</summary>
    NoAnswer,

    /// <summary>"servfail": answer SERVFAIL with no records.</summary>
    ServerFailure,

    /// <summary>"refused": answer REFUSED with no records.</summary>
    Refused,

    /// <summary>
    /// "truncated": over UDP, the answer with TC set and no records (a client should retry over TCP);
    /// over TCP, the encoded answer cut short in the middle of a record (a client cannot parse it).
    /// </summary>
    Truncated,

    /// <summary>"malformed": random-looking bytes that carry the query's ID but cannot be parsed as a message.</summary>
    Malformed,
}
