using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Model;

namespace Chokepoint.Analysis.History;

/// <summary>
/// Publicly documented cases of infrastructure and money providers ending service, joined to companies by id.
/// The embedded data set (<c>History/Data/terminations.json</c>) keeps a source URL with every case.
/// </summary>
public sealed class TerminationHistory
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Creates a history from cases, sorted oldest first.</summary>
    public TerminationHistory(IEnumerable<TerminationCase> cases)
    {
        Cases = cases.OrderBy(c => c.Date).ThenBy(c => c.Provider, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every case, oldest first.</summary>
    public IReadOnlyList<TerminationCase> Cases { get; }

    /// <summary>Loads the data set embedded in this assembly (logical name <c>History.terminations.json</c>).</summary>
    public static TerminationHistory LoadEmbedded()
    {
        using var stream = typeof(TerminationHistory).Assembly.GetManifestResourceStream("History.terminations.json")
            ?? throw new InvalidOperationException("Embedded resource History.terminations.json is missing.");
        return Load(stream);
    }

    /// <summary>Loads cases from a JSON array in the data set's format.</summary>
    public static TerminationHistory Load(Stream json)
    {
        var cases = JsonSerializer.Deserialize<List<TerminationCase>>(json, JsonOptions)
            ?? throw new InvalidDataException("The termination data set is empty.");
        return new TerminationHistory(cases);
    }

    /// <summary>Cases attributed to the company (as owner at the time, or as today's owner of the business line).</summary>
    public IReadOnlyList<TerminationCase> ForCompany(string companyId) =>
        Cases.Where(c => c.Involves(companyId)).ToList();

    /// <summary>
    /// Summarises a company's cases at one layer (or every layer when <paramref name="layer"/> is null), e.g.
    /// "cloudflare ended service to customers 4 times at the cdn layer (2017-08-16: Daily Stormer; ...)".
    /// </summary>
    public TerminationSummary Summarize(string companyId, Layer? layer)
    {
        var cases = ForCompany(companyId).Where(c => layer is null || c.Layers.Contains(layer.Value)).ToList();
        var where = layer is null ? "at any layer" : $"at the {layer.Value.ToString().ToLowerInvariant()} layer";
        var times = cases.Count == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{cases.Count} times");
        var text = cases.Count == 0
            ? $"{companyId}: no documented case of ending service to customers {where} in the data set"
            : $"{companyId} ended service to customers {times} {where} ({string.Join("; ", cases.Select(Short))})";
        return new TerminationSummary(companyId, layer, cases.Count, cases, text);
    }

    private static string Short(TerminationCase c) =>
        string.Create(CultureInfo.InvariantCulture, $"{(c.Precision == DatePrecision.Month ? c.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}: {c.Target}");
}
