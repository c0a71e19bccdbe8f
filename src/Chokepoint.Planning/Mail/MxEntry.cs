namespace Chokepoint.Planning.Mail;

/// <summary>One mail exchanger: lower preference is tried first.</summary>
/// <param name="Preference">Preference (RFC 5321 section 5.1: lower values first).</param>
/// <param name="Exchange">Host name of the exchanger.</param>
public sealed record MxEntry(ushort Preference, string Exchange);
