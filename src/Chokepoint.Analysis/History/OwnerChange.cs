using System.Text.Json.Serialization;

namespace Chokepoint.Analysis.History;

/// <summary>
/// The business line a case happened at changed hands after the case: the case stays the record of the company
/// that ran the service then (<see cref="TerminationCase.CompanyId"/>), never of the buyer.
/// </summary>
public sealed record OwnerChange
{
    /// <summary>The company that runs the business line since <see cref="Date"/>.</summary>
    [JsonPropertyName("companyId")]
    public required string CompanyId { get; init; }

    /// <summary>The day the change took effect (an acquisition's closing).</summary>
    [JsonPropertyName("date")]
    public required DateOnly Date { get; init; }

    /// <summary>The public page that states the change and its date (https).</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }
}
