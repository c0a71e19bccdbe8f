using Chokepoint.Model;

namespace Chokepoint.Analysis.Model;

/// <summary>
/// Something the site does for its owner or readers, and the fault tree of what it needs.
/// </summary>
/// <param name="Id">
/// Stable id: "name-resolves", "web-served", "https-trusted", "mail-received", "mail-sent", "revenue:ads",
/// "revenue:affiliate", "revenue:payments", "revenue:donations", "revenue:memberships", "embedded-media",
/// "page-scripts".
/// </param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">Family of the function.</param>
/// <param name="Importance">How much it matters; drives severity and the grade.</param>
/// <param name="Requirement">What it needs.</param>
public sealed record SiteFunction(string Id, string Name, FunctionKind Kind, Importance Importance, Requirement Requirement);
