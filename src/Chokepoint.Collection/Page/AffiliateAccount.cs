namespace Chokepoint.Collection.Page;

/// <summary>An affiliate account found in a link.</summary>
/// <param name="Program">The affiliate program, e.g. "Amazon Associates", "Awin", "CJ Affiliate".</param>
/// <param name="Parameter">Where the account sits: a query parameter ("tag", "awinaffid") or a path part ("path:c").</param>
/// <param name="Account">The account id, e.g. "news-20".</param>
public sealed record AffiliateAccount(string Program, string Parameter, string Account)
{
    /// <summary>The parameter and value, as carried in <see cref="Observations.Page.PageLink.AffiliateTag"/>, e.g. "tag=news-20".</summary>
    public string Tag => $"{Parameter}={Account}";
}
