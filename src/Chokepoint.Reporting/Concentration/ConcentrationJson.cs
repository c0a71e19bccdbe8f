using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Reporting.Concentration;

/// <summary>
/// Renders a concentration summary of many sites as a JSON document (the format in docs/concentration-format.md):
/// camelCase, indented, layers as their words ("dns"), every count exact with its share beside it (0 to 1,
/// rounded to 4 decimals, null when the denominator is 0), every per-company dictionary as an array of
/// <c>{id, name, count, share}</c> sorted by count descending then id. Nothing is left out or cut short, and a
/// null is written, never omitted, so every document has the same fields.
/// </summary>
public static class ConcentrationJson
{
    /// <summary>The value of the document's <c>format</c> field; it changes when a field changes meaning or goes.</summary>
    public const string Format = "chokepoint-concentration/1";

    private static readonly JsonSerializerOptions Options = new(ReportJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The concentration summary.</param>
    /// <returns>The rendered text.</returns>
    public static string Serialize(ConcentrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(Document(report), Options);
    }

    private static ConcentrationJsonDocument Document(ConcentrationReport report)
    {
        var functions = report.Functions.GroupBy(function => function.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        return new ConcentrationJsonDocument(
            Format,
            report.Sites,
            report.Duplicates,
            report.Complete,
            report.Failed,
            [.. report.Headlines.Select(headline => new HeadlineJson(
                headline.Id,
                headline.Name,
                headline.Layers,
                headline.Dependent,
                headline.NotDependent,
                headline.Undetermined,
                ConcentrationLabels.Decided(headline),
                Round(ConcentrationLabels.Share(headline.Dependent, ConcentrationLabels.Decided(headline)))))],
            [.. report.Layers.Select(layer => new LayerJson(
                layer.Layer,
                layer.Observed,
                layer.Incomplete,
                layer.UsingThirdParty,
                Round(ConcentrationLabels.Share(layer.UsingThirdParty, layer.Observed)),
                layer.Critical,
                Round(ConcentrationLabels.Share(layer.Critical, layer.Observed)),
                ConcentrationLabels.Total(layer.Uses),
                Round(ConcentrationLabels.Top3(layer.Uses)),
                Round(ConcentrationLabels.Hhi(layer.Uses)),
                ConcentrationLabels.Hhi(layer.Uses) > ConcentrationLabels.HighlyConcentrated,
                Counts(report, layer.Uses, _ => layer.Observed),
                Counts(report, layer.CriticalOn, _ => layer.Observed)))],
            [.. report.Functions.Select(function => new FunctionJson(
                function.Id,
                function.Name,
                function.Observed,
                function.Incomplete,
                function.Critical,
                Round(ConcentrationLabels.Share(function.Critical, function.Observed)),
                ConcentrationLabels.Total(function.CriticalOn),
                Round(ConcentrationLabels.Top3(function.CriticalOn)),
                Round(ConcentrationLabels.Hhi(function.CriticalOn)),
                ConcentrationLabels.Hhi(function.CriticalOn) > ConcentrationLabels.HighlyConcentrated,
                Counts(report, function.CriticalOn, _ => function.Observed)))],
            [.. ConcentrationLabels.Companies(report).Select(company => new CompanyJson(
                company.Id,
                ConcentrationLabels.NameOf(report, company),
                company.Uses,
                company.Breaks,
                company.BreaksInherent,
                company.BreaksIndirectOnly,
                Round(company.Amplification),
                [.. company.Functions
                    .OrderByDescending(pair => pair.Value)
                    .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => new CountJson(
                        pair.Key,
                        ConcentrationLabels.FunctionName(report, pair.Key),
                        pair.Value,
                        Round(ConcentrationLabels.Share(pair.Value, functions.TryGetValue(pair.Key, out var function) ? function.Observed : 0))))],
                company.Layers,
                company.History))],
            [.. report.Names.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new NameJson(pair.Key, pair.Value))]);
    }

    private static List<CountJson> Counts(ConcentrationReport report, IReadOnlyDictionary<string, int> counts, Func<string, int> denominator) =>
        [.. ConcentrationLabels.Ranked(report, counts).Select(item => new CountJson(item.Id, item.Name, item.Count, Round(ConcentrationLabels.Share(item.Count, denominator(item.Id)))))];

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 4, MidpointRounding.AwayFromZero) : 0;

    private static double? Round(double? value) => value is { } number && double.IsFinite(number) ? Math.Round(number, 4, MidpointRounding.AwayFromZero) : null;
}
