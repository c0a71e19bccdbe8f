using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Page;

/// <summary>What the site's pages pull in and link to, its ads.txt, and how much of it was read.</summary>
public sealed record PageObservation
{
    /// <summary>Pages fetched (landing page first), with how each ended.</summary>
    [JsonPropertyName("pages")]
    public List<PageFetch> Pages { get; init; } = [];

    /// <summary>Every third-party or first-party resource the pages load.</summary>
    [JsonPropertyName("resources")]
    public List<PageResource> Resources { get; init; } = [];

    /// <summary>Outbound links that matter for money (payment, donation, membership, affiliate).</summary>
    [JsonPropertyName("links")]
    public List<PageLink> Links { get; init; } = [];

    [JsonPropertyName("adsTxt")]
    public List<AdsTxtEntry> AdsTxt { get; init; } = [];

    /// <summary>Malformed ads.txt lines, reported rather than dropped.</summary>
    [JsonPropertyName("adsTxtErrors")]
    public List<string> AdsTxtErrors { get; init; } = [];

    /// <summary>ads.txt variables (OWNERDOMAIN, MANAGERDOMAIN, CONTACT, SUBDOMAIN, ...), in file order.</summary>
    [JsonPropertyName("adsTxtVariables")]
    public List<AdsTxtVariable> AdsTxtVariables { get; init; } = [];

    /// <summary>
    /// The requests made to third-party hosts the pages load from, for the response headers that name their CDN:
    /// one per host, in the order the hosts were seen, those beyond the probe limit included (not requested, with
    /// the reason). Empty in files that predate it and when nothing was probed.
    /// </summary>
    [JsonPropertyName("probes")]
    public List<ResourceProbe> Probes { get; init; } = [];

    /// <summary>
    /// What was bounded or skipped while reading the pages (resources or links beyond a limit, files cut short),
    /// so that a missing resource is never mistaken for an absent one.
    /// </summary>
    [JsonPropertyName("notes")]
    public List<string> Notes { get; init; } = [];
}
