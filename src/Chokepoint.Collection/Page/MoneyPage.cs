namespace Chokepoint.Collection.Page;

/// <summary>A same-site page that matters for money, found among a page's links.</summary>
/// <param name="Url">The page's URL (fragment removed).</param>
/// <param name="Purpose">"donate", "membership", "subscribe", "shop" or "support".</param>
/// <param name="Text">The link text it was found by, if any.</param>
/// <param name="MatchedOn">What matched: "text", "path" or "text and path".</param>
public sealed record MoneyPage(Uri Url, string Purpose, string? Text, string MatchedOn);
