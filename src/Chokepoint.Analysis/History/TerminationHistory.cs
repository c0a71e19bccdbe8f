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
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
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
        foreach (var c in cases)
        {
            // A buyer before the case would have made the decision itself: the case is then the buyer's, not the seller's.
            if (c.OwnerChange is { } change && change.Date <= (c.DateEnd ?? c.Date))
            {
                throw new InvalidDataException($"{c}: the owner change to {change.CompanyId} on {change.Date:yyyy-MM-dd} is not after the case; the case belongs to {change.CompanyId}");
            }

            if (c.OwnerChange is { } sourced && (!Uri.TryCreate(sourced.Source, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidDataException($"{c}: the owner change needs an https source");
            }
        }

        return new TerminationHistory(cases);
    }

    /// <summary>Cases that are the company's record: it ran the service when each happened (a later buyer is not named).</summary>
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

    /// <summary>
    /// The cases a chokepoint shows: the company's own cases (<see cref="ForCompany"/>) that were about one of the
    /// roles it plays for the site (<see cref="TerminationCase.IsAbout"/>), each once, oldest first. A registrar's
    /// case is not shown for the same company's DNS service, and an app store's removal of an app (no layer) for none.
    /// </summary>
    /// <param name="companyId">The chokepoint's company.</param>
    /// <param name="roles">The layers and services it supplies to the site.</param>
    public IReadOnlyList<TerminationCase> ForRoles(string companyId, IReadOnlyCollection<(Layer Layer, string Service)> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return ForCompany(companyId).Where(c => roles.Any(role => c.IsAbout(role.Layer, role.Service))).Distinct().ToList();
    }

    /// <summary>
    /// One line that counts <paramref name="cases"/> without repeating them (each case is listed once, on its own
    /// line, after it), e.g. "Cloudflare, Inc. ended service to customers 4 times at the cdn or dns layer (in the data set)".
    /// </summary>
    /// <param name="companyId">Who is named: the company's display name (or its id when it has none).</param>
    /// <param name="cases">The cases it counts.</param>
    /// <param name="layers">The layers they were about.</param>
    public static string Headline(string companyId, IReadOnlyCollection<TerminationCase> cases, IEnumerable<Layer> layers)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var words = layers.Distinct().Order().Select(l => l.ToString().ToLowerInvariant()).ToList();
        var where = words.Count == 0 ? "at any layer" : $"at the {string.Join(" or ", words)} layer";
        var times = cases.Count == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{cases.Count} times");
        return $"{companyId} ended service to customers {times} {where} (in the data set)";
    }

    private static string Short(TerminationCase c) =>
        string.Create(CultureInfo.InvariantCulture, $"{(c.Precision == DatePrecision.Month ? c.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}: {c.Target}");
}
