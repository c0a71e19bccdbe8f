using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Chokepoint.Reporting.Json;

/// <summary>
/// Durations in report JSON as ISO 8601 durations (<c>P2DT8H30M</c>, <c>PT0S</c>), read by any language's date
/// library, rather than .NET's own <c>2.08:30:00</c>. Reading accepts both, and a number of seconds, so a report
/// saved before report format 1.1 still reads.
/// </summary>
/// <seealso href="https://www.w3.org/TR/xmlschema-2/#duration">XML Schema duration (the ISO 8601 subset written)</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc3339#appendix-A">RFC 3339, appendix A: ISO 8601 durations</seealso>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new JsonException("a duration in seconds is out of range");
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a duration is an ISO 8601 string such as \"P2DT8H30M\"");
        }

        var text = reader.GetString() ?? "";
        return Parse(text) ?? throw new JsonException($"\"{text}\" is not an ISO 8601 duration such as \"P2DT8H30M\"");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    /// <summary>The ISO 8601 form: days, hours, minutes and seconds, never years or months (their length varies).</summary>
    public static string Format(TimeSpan value) => XmlConvert.ToString(value);

    /// <summary>An ISO 8601 duration, or the <c>[-][d.]hh:mm:ss[.fffffff]</c> form of earlier reports; null when neither.</summary>
    public static TimeSpan? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var legacy) ? legacy : null;
    }
}
