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

    /// <summary>
    /// Ultimate owning company at the time of the decision, lowercase kebab case ("alphabet", "amazon"): the only
    /// company the case is the record of.
    /// </summary>
    [JsonPropertyName("companyId")]
    public required string CompanyId { get; init; }

    /// <summary>When the business line has changed hands since the case: the buyer, the date and the source; null otherwise.</summary>
    [JsonPropertyName("ownerChange")]
    public OwnerChange? OwnerChange { get; init; }

    /// <summary>Company that owns the business line today when it has changed hands since; null otherwise.</summary>
    [JsonIgnore]
    public string? CurrentOwnerId => OwnerChange?.CompanyId;

    /// <summary>
    /// Layers of the stack the provider served the target at; empty for services outside a website's stack (app
    /// stores removing an app), which are then nobody's record at any layer.
    /// </summary>
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

    /// <summary>
    /// True when the case is the company's record: the company ran the service when it happened. A company that
    /// bought the business line later (<see cref="OwnerChange"/>) did not make the decision.
    /// </summary>
    public bool Involves(string companyId) => string.Equals(CompanyId, companyId, StringComparison.Ordinal);

    /// <summary>True when the case was about the company's role at <paramref name="layer"/> as <paramref name="service"/>.</summary>
    /// <remarks>
    /// At the registration layer the registry and the registrar are different roles: a registrar's case is not a
    /// registry's record, and the reverse.
    /// </remarks>
    public bool IsAbout(Layer layer, string service)
    {
        if (!Layers.Contains(layer))
        {
            return false;
        }

        if (layer != Layer.Registration)
        {
            return true;
        }

        var registry = Service.Contains("registry", StringComparison.OrdinalIgnoreCase);
        return string.Equals(service, "registry", StringComparison.OrdinalIgnoreCase) ? registry : !registry;
    }

    /// <summary>"2017-08-16 Cloudflare (cdn/dns): Daily Stormer - reason".</summary>
    public override string ToString() =>
        $"{(Precision == DatePrecision.Month ? Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))} {Provider} ({Service}): {Target} - {StatedReason}";
}
