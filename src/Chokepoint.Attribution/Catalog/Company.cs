namespace Chokepoint.Attribution.Catalog;

/// <summary>A company that owns providers, possibly owned by a parent company.</summary>
/// <param name="Id">Lowercase kebab-case short name, e.g. <c>amazon</c>.</param>
/// <param name="Name">Legal or common name, e.g. "Amazon.com, Inc.".</param>
/// <param name="Parent">Id of the owning company, or null for an independent company.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country of incorporation or headquarters, when known.</param>
/// <param name="Source">Public URL documenting the company or its ownership, when given.</param>
public sealed record Company(string Id, string Name, string? Parent, string? Country, string? Source);
