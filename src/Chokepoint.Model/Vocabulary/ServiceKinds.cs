namespace Chokepoint.Model;

/// <summary>What the pipeline knows about each <see cref="ServiceKind"/>: the one place that says which carry money.</summary>
public static class ServiceKinds
{
    private static readonly HashSet<ServiceKind> Revenue =
    [
        ServiceKind.Ads, ServiceKind.AdExchange, ServiceKind.Affiliate, ServiceKind.Payments, ServiceKind.Donations,
        ServiceKind.Crowdfunding, ServiceKind.Membership, ServiceKind.Ecommerce,
    ];

    /// <summary>
    /// The revenue paths the analysis models as functions (<c>revenue:ads</c>, ...), in report order. An ad
    /// exchange carries money but is no path of its own: the site is paid through the ad systems of its ads.txt.
    /// </summary>
    public static IReadOnlyList<ServiceKind> RevenuePaths { get; } =
    [
        ServiceKind.Ads, ServiceKind.Affiliate, ServiceKind.Payments, ServiceKind.Donations, ServiceKind.Membership,
        ServiceKind.Crowdfunding, ServiceKind.Ecommerce,
    ];

    /// <summary>The services a catalog data file may name (everything except what attribution names itself).</summary>
    public static IReadOnlyList<ServiceKind> InCatalog { get; } =
        [.. Vocabulary.Values<ServiceKind>().Where(kind => kind is not (ServiceKind.DmarcReports or ServiceKind.ThirdPartyResource))];

    /// <summary>True for a service that carries money: it belongs to the money layer.</summary>
    public static bool IsRevenue(this ServiceKind kind) => Revenue.Contains(kind);

    /// <summary>
    /// The revenue path a money service earns for: an ad exchange earns for the advertising path, like an ad network
    /// (the ad systems a site's ads.txt authorises sell the same inventory, so each is an alternative to the others);
    /// every other revenue service is its own path. Null for a service that carries no money.
    /// </summary>
    public static ServiceKind? RevenuePathOf(this ServiceKind kind) =>
        kind == ServiceKind.AdExchange ? ServiceKind.Ads : kind.IsRevenue() ? kind : null;

    /// <summary>The id of the function of a revenue path, e.g. "revenue:donations".</summary>
    public static string RevenueFunctionId(this ServiceKind kind) => "revenue:" + kind.ToWord();
}
