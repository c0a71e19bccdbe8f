using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Chokepoint.Observations.Reading;

namespace Chokepoint.Observations;

/// <summary>Reads and writes the observations format (docs/observations-format.md).</summary>
public static class ObservationsJson
{
    /// <summary>Options used for every observations file: indented, nulls omitted, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>
    /// The options the reader deserialises with: those of <see cref="Options"/>, with nullable annotations respected
    /// (a <c>null</c> where the type has none is refused, never stored).
    /// </summary>
    private static JsonSerializerOptions ReadOptions { get; } = new(Options)
    {
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        MaxDepth = ShapeScanner.MaxDepth,
    };

    /// <summary>The shape of the format, read from the deserialiser's contract once.</summary>
    private static Lazy<MemberShape> Shape { get; } = new(() => MemberShape.Of(typeof(SiteObservations), ReadOptions));

    /// <summary>Serialises observations to JSON text.</summary>
    public static string Serialize(SiteObservations observations) => JsonSerializer.Serialize(observations, Options);

    /// <summary>
    /// Reads an observations file, in three steps, none of which holds more than what it keeps: one forward pass over
    /// the JSON tokens that tells what the file is and checks every member's shape (with a buffer as large as the
    /// largest token), the deserialisation from the stream, and a check of every value (docs/observations-format.md,
    /// "Validation"). <paramref name="open"/> is called twice, and each stream it returns is read once from its start.
    /// </summary>
    /// <exception cref="ObservationsFormatException">
    /// The file is not JSON, not an observations file (a report, a HAR capture), of a newer format version, or a member
    /// is of the wrong shape or value; the message names the member (<c>hosts[0].addresses[1].ip: "x" is not an IP address</c>).
    /// </exception>
    public static SiteObservations Read(Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        int formatVersion;
        using (var first = open())
        {
            formatVersion = ShapeScanner.Scan(first, Shape.Value);
        }

        SiteObservations? observations;
        using (var second = open())
        {
            try
            {
                observations = JsonSerializer.Deserialize<SiteObservations>(second, ReadOptions);
            }
            catch (JsonException exception)
            {
                // The shape pass refuses what the deserialiser would; this is what it did not foresee.
                throw new ObservationsFormatException(MemberPath(exception.Path), $"not readable: {Unobserved.OneLine(exception.Message)}");
            }
        }

        if (observations is null)
        {
            throw new ObservationsFormatException("the observations file must hold one JSON object");
        }

        if (formatVersion < 2)
        {
            observations = observations with { FormatVersion = formatVersion, Unobserved = observations.Unobserved.Select(FromVersion1).ToList() };
        }

        ObservationsValidator.Validate(observations);
        return observations;
    }

    /// <summary>Reads observations from UTF-8 JSON bytes; see <see cref="Read(Func{Stream})"/>.</summary>
    /// <exception cref="ObservationsFormatException">The bytes are not valid observations.</exception>
    public static SiteObservations Read(ReadOnlyMemory<byte> utf8Json) => Read(() => new ReadOnlyMemoryStream(utf8Json));

    /// <summary>Reads observations from JSON text; see <see cref="Read(Func{Stream})"/>.</summary>
    /// <exception cref="ObservationsFormatException">The text is not valid observations.</exception>
    public static SiteObservations Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Parses observations JSON. Malformed input, a missing domain, a newer format version or a wrong member is
    /// reported in <paramref name="error"/> (the message of <see cref="ObservationsFormatException"/>), never thrown.
    /// </summary>
    public static bool TryParse(string json, out SiteObservations? observations, out string? error)
    {
        try
        {
            observations = Read(json);
            error = null;
            return true;
        }
        catch (ObservationsFormatException exception)
        {
            observations = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary><c>$.hosts[0].name</c> as <c>hosts[0].name</c>.</summary>
    private static string MemberPath(string? path) =>
        path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>A version 1 gap: no kind was recorded, its subject and target are those of its key, its reason one line.</summary>
    private static Unobserved FromVersion1(Unobserved gap)
    {
        var (subject, target) = GapKeys.Infer(gap.What);
        return gap with { Reason = Unobserved.OneLine(gap.Reason), Kind = GapKind.NotClassified, Subject = subject, Target = target };
    }
}
