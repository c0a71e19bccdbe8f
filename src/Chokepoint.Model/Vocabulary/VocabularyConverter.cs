using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// Reads and writes a vocabulary value as its word (<see cref="Vocabulary"/>); an unknown word, a number
/// or another case is rejected with a message that lists the words.
/// </summary>
/// <typeparam name="TEnum">The vocabulary.</typeparam>
public sealed class VocabularyConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a {Vocabulary.NameOf<TEnum>()} as a string (one of {string.Join(", ", Vocabulary.Words<TEnum>())}), found {reader.TokenType}");
        }

        return ReadWord(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWord());

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadWord(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToWord());

    private static TEnum ReadWord(string? word) =>
        Vocabulary.TryParse<TEnum>(word, out var value) ? value : throw new JsonException(Vocabulary.UnknownWord<TEnum>(word));
}
