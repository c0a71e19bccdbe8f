using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>Serialises observations to JSON text.</summary>
    public static string Serialize(SiteObservations observations) => JsonSerializer.Serialize(observations, Options);

    /// <summary>
    /// Parses observations JSON. Malformed input, a missing domain or a newer format version is reported in
    /// <paramref name="error"/>, never thrown.
    /// </summary>
    public static bool TryParse(string json, out SiteObservations? observations, out string? error)
    {
        observations = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the observations file must hold one JSON object";
                return false;
            }

            if (WhatItIsNot(document.RootElement) is { } refusal)
            {
                error = refusal;
                return false;
            }

            var formatVersion = document.RootElement.TryGetProperty("formatVersion", out var version) && version.ValueKind == JsonValueKind.Number
                ? version.GetInt32()
                : 1;
            if (formatVersion > SiteObservations.CurrentFormatVersion)
            {
                error = $"observations format version {formatVersion} is newer than this tool reads ({SiteObservations.CurrentFormatVersion})";
                return false;
            }

            if (!document.RootElement.TryGetProperty("domain", out var domain) || domain.ValueKind != JsonValueKind.String)
            {
                error = "the observations file has no \"domain\"";
                return false;
            }

            observations = document.RootElement.Deserialize<SiteObservations>(Options);
            if (observations is not null && formatVersion < 2)
            {
                observations = observations with { FormatVersion = formatVersion, Unobserved = observations.Unobserved.Select(FromVersion1).ToList() };
            }
        }
        catch (JsonException exception)
        {
            error = $"not valid observations JSON: {exception.Message}";
            return false;
        }

        if (observations is null || string.IsNullOrWhiteSpace(observations.Domain))
        {
            observations = null;
            error = "the observations file has no \"domain\"";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Null when the object is observations: it carries the <c>format</c> marker, or (a file written before the
    /// marker) has a <c>domain</c> and <c>formatVersion</c>, <c>collectedAt</c> or <c>unobserved</c>. Otherwise what
    /// it is instead: a report, a HAR capture, or other JSON.
    /// </summary>
    private static string? WhatItIsNot(JsonElement root)
    {
        if (root.TryGetProperty("format", out var format))
        {
            return format.ValueKind == JsonValueKind.String && format.GetString() == SiteObservations.FormatMarker
                ? null
                : $"not an observations file: its \"format\" is {format.GetRawText()}, not \"{SiteObservations.FormatMarker}\"";
        }

        if (root.TryGetProperty("reportVersion", out _) || root.TryGetProperty("layers", out _))
        {
            return "this is a Chokepoint report (it has \"reportVersion\" or \"layers\"), not observations; " +
                   "observations are what 'chokepoint audit --save-observations' writes";
        }

        if (root.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object && log.TryGetProperty("entries", out _))
        {
            return "this is a HAR capture (it has \"log.entries\"), not observations; give it to 'chokepoint audit --har'";
        }

        var oldShape = root.TryGetProperty("domain", out var domain) && domain.ValueKind == JsonValueKind.String &&
                       (root.TryGetProperty("formatVersion", out _) || root.TryGetProperty("collectedAt", out _) || root.TryGetProperty("unobserved", out _));
        return oldShape
            ? null
            : $"not an observations file: no \"format\": \"{SiteObservations.FormatMarker}\" marker, and not the shape of one written " +
              "before it (\"domain\" with \"formatVersion\", \"collectedAt\" or \"unobserved\")";
    }

    /// <summary>A version 1 gap: no kind was recorded, and its subject and target are those of its key.</summary>
    private static Unobserved FromVersion1(Unobserved gap)
    {
        var (subject, target) = GapKeys.Infer(gap.What);
        return gap with { Kind = GapKind.NotClassified, Subject = subject, Target = target };
    }
}
