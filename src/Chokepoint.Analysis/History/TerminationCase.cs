using System.Text.Json.Serialization;
using Chokepoint.Model;

namespace Chokepoint.Analysis.History;

/// <summary>
/// A publicly reported case of a provider ending service to a site or organisation, in neutral wording.
/// </summary>
public sealed record TerminationCase
{
    /// <summary>Date reported (first of the month when <see cref="Precision"/> is <see cref="DatePrecision.Month"/>).</summary>
    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    /// <summary>Last day when the source gives a range of days, else null.</summary>
    [JsonPropertyName("dateEnd")]
    public DateOnly? DateEnd { get; init; }

    /// <summary>How precise <see cref="Date"/> is.</summary>
    [JsonPropertyName("precision")]
    public DatePrecision Precision { get; init; } = DatePrecision.Day;

    /// <summary>The provider as named in the report (brand or product).</summary>
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    /// <summary>Ultimate owning company at the time of the decision, lowercase kebab case ("alphabet", "amazon").</summary>
    [JsonPropertyName("companyId")]
    public required string CompanyId { get; init; }

    /// <summary>Company that owns the business line today when it has changed hands since; null otherwise.</summary>
    [JsonPropertyName("currentOwnerId")]
    public string? CurrentOwnerId { get; init; }

    /// <summary>Layers of the stack the provider served the target at; empty for services outside a website's stack (app stores).</summary>
    [JsonPropertyName("layers")]
    public IReadOnlyList<Layer> Layers { get; init; } = [];

    /// <summary>The service as reported ("registrar", "cdn/dns", "payments", "app store").</summary>
    [JsonPropertyName("service")]
    public required string Service { get; init; }

    /// <summary>Who lost the service.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>The reason the provider gave, in neutral wording.</summary>
    [JsonPropertyName("statedReason")]
    public required string StatedReason { get; init; }

    /// <summary>Where it was reported (https URLs); at least one.</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Caveats: secondary source, date uncertainty, ownership changes.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>True when the case is attributed to the company, at the time or today.</summary>
    public bool Involves(string companyId) =>
        string.Equals(CompanyId, companyId, StringComparison.Ordinal) ||
        string.Equals(CurrentOwnerId, companyId, StringComparison.Ordinal);

    /// <summary>"2017-08-16 Cloudflare (cdn/dns): Daily Stormer - reason".</summary>
    public override string ToString() =>
        $"{(Precision == DatePrecision.Month ? Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))} {Provider} ({Service}): {Target} - {StatedReason}";
}
