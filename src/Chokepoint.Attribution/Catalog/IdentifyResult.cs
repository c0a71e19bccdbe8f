using System.Text.Json.Serialization;
using Chokepoint.Model;

namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// The answer of <c>chokepoint identify KIND VALUE</c>: which company (and owner) a single observed value points to,
/// by which catalog rule and source — or why it could not be identified.
/// </summary>
/// <param name="Kind">The kind word as asked, lowercase (e.g. <c>ns</c>, <c>ip</c>, <c>registrar</c>).</param>
/// <param name="Value">The value as given.</param>
/// <param name="Normalized">The value in the form it was compared in (punycode host, "AS13335" for an IP's network, ...), or null when it was invalid.</param>
/// <param name="Entity">The company that runs the matched provider, with its direct parent's id; null when unknown.</param>
/// <param name="Owner">The ultimate owner of <paramref name="Entity"/> (the same company when independent); null when unknown.</param>
/// <param name="Service">The matched provider's service (dns, cdn, ca, ...).</param>
/// <param name="Provider">The matched provider's name.</param>
/// <param name="ProviderId">The matched provider's catalog id.</param>
/// <param name="Rule">The catalog rule that matched.</param>
/// <param name="Source">The public source the catalog cites for the rule.</param>
/// <param name="UnknownReason">Why nothing was identified; null on a match.</param>
public sealed record IdentifyResult(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("normalized")] string? Normalized,
    [property: JsonPropertyName("entity")] EntityRef? Entity,
    [property: JsonPropertyName("owner")] EntityRef? Owner,
    [property: JsonPropertyName("service")] string? Service,
    [property: JsonPropertyName("provider")] string? Provider,
    [property: JsonPropertyName("providerId")] string? ProviderId,
    [property: JsonPropertyName("rule")] IdentifyRule? Rule,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("unknownReason")] string? UnknownReason)
{
    /// <summary>True when a catalog rule matched.</summary>
    [JsonIgnore]
    public bool IsKnown => Entity is not null;

    /// <summary>A result that identifies nothing, with the reason.</summary>
    public static IdentifyResult Unknown(string kind, string value, string? normalized, string reason) =>
        new(kind, value, normalized, null, null, null, null, null, null, null, reason);

    /// <summary>A result for a catalog match.</summary>
    public static IdentifyResult FromMatch(string kind, string value, string normalized, CatalogMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var company = match.Company;
        var owner = match.UltimateParent;
        return new IdentifyResult(
            kind,
            value,
            normalized,
            new EntityRef(company.Id, company.Name, company.Parent),
            new EntityRef(owner.Id, owner.Name, owner.Parent),
            match.Provider.Service,
            match.Provider.Name,
            match.Provider.Id,
            new IdentifyRule(match.Signal.KindWord, match.Signal.Pattern),
            match.Source,
            null);
    }
}
