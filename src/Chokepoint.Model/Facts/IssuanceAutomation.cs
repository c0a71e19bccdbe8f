using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>Whether a certificate looks automatically issued (ACME, RFC 8555), and the evidence for it.</summary>
/// <param name="Likely">True when automated issuance is likely.</param>
/// <param name="Reason">What the judgement rests on.</param>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8555">RFC 8555: ACME</seealso>
public readonly record struct IssuanceAutomation(
    [property: JsonPropertyName("likely")] bool Likely,
    [property: JsonPropertyName("reason")] AutomationReason Reason);
