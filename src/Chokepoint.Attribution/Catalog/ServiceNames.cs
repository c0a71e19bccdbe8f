namespace Chokepoint.Attribution.Catalog;

/// <summary>The services a provider can offer, as written in data files.</summary>
public static class ServiceNames
{
    /// <summary>Every allowed service word.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "registry", "registrar", "dns", "hosting", "cdn", "ca", "mail", "mail-sending",
        "ads", "ad-exchange", "affiliate", "payments", "donations", "crowdfunding", "membership", "ecommerce",
        "video", "audio", "script-cdn", "fonts", "tag-manager", "analytics", "comments", "social",
    ];

    /// <summary>True when the word is an allowed service.</summary>
    public static bool IsKnown(string service) => All.Contains(service, StringComparer.Ordinal);
}
