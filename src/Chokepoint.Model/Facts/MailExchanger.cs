using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One MX record of the site.</summary>
/// <param name="Host">The exchanger.</param>
/// <param name="Preference">Lower is tried first.</param>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5321#section-5.1">RFC 5321 section 5.1</seealso>
public sealed record MailExchanger(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("preference")] int Preference);
