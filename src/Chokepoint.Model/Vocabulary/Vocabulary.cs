using System.Text.Json;

namespace Chokepoint.Model;

/// <summary>
/// The words of the report's closed vocabularies (a layer, a service kind, a severity...): each enum value is
/// written as its name in lowercase kebab case (<c>ThirdParty</c> is "third-party"), and nothing else is read.
/// </summary>
public static class Vocabulary
{
    /// <summary>The word of a value, e.g. <c>ServiceKind.MailSending.ToWord()</c> is "mail-sending".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the vocabulary (a cast integer).</exception>
    public static string ToWord<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Table<TEnum>.WordOf.TryGetValue(value, out var word) ? word : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {Table<TEnum>.Name}");

    /// <summary>The vocabulary's name for messages, e.g. "service kind".</summary>
    public static string NameOf<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Name;

    /// <summary>Every value, in declaration order.</summary>
    public static IReadOnlyList<TEnum> Values<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Values;

    /// <summary>Every word, in declaration order.</summary>
    public static IReadOnlyList<string> Words<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Words;

    /// <summary>The value of an exact word; false for anything else (another case, a number, an unknown word).</summary>
    public static bool TryParse<TEnum>(string? word, out TEnum value)
        where TEnum : struct, Enum => Table<TEnum>.ValueOf.TryGetValue(word ?? "", out value);

    /// <summary>The value of an exact word.</summary>
    /// <exception cref="FormatException">The word is not one of the vocabulary; the message lists those that are.</exception>
    public static TEnum Parse<TEnum>(string? word)
        where TEnum : struct, Enum => TryParse<TEnum>(word, out var value) ? value : throw new FormatException(UnknownWord<TEnum>(word));

    /// <summary>"unknown layer 'dnss' (expected one of registration, dns, ...)".</summary>
    public static string UnknownWord<TEnum>(string? word)
        where TEnum : struct, Enum => $"unknown {Table<TEnum>.Name} '{word}' (expected one of {string.Join(", ", Table<TEnum>.Words)})";

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<TEnum> Values = Enum.GetValues<TEnum>();

        public static readonly Dictionary<TEnum, string> WordOf = Values.ToDictionary(value => value, value => Kebab(value.ToString()));

        public static readonly Dictionary<string, TEnum> ValueOf = WordOf.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> Words = [.. Values.Select(value => WordOf[value])];

        public static readonly string Name = Kebab(typeof(TEnum).Name).Replace('-', ' ');
    }

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
