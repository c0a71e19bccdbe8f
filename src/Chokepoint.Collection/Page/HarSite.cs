namespace Chokepoint.Collection.Page;

/// <summary>
/// Whose pages a HAR capture holds, against the site being audited: the documents it loaded (the page itself, its
/// frames, redirects) by registrable domain. Resources from other sites are the point of a capture and are not counted;
/// documents are.
/// </summary>
/// <param name="Site">The audited registrable domain.</param>
/// <param name="SiteDocuments">Documents of the site (its own host names, any under it).</param>
/// <param name="ForeignDocuments">Documents of other sites, by registrable domain, most first.</param>
/// <param name="PageOwner">The registrable domain of the capture's first page, when its title is a URL (as browsers record it).</param>
public sealed record HarSite(string Site, int SiteDocuments, IReadOnlyList<(string Domain, int Count)> ForeignDocuments, string? PageOwner)
{
    /// <summary>
    /// True when the capture is of another site: its first page belongs to another domain, or it loaded documents and
    /// none of them is the site's.
    /// </summary>
    public bool IsOtherSite => (PageOwner is not null && PageOwner != Site)
        || (SiteDocuments == 0 && ForeignDocuments.Count > 0);

    /// <summary>The other site the capture is of: its first page's owner, else the domain with the most documents.</summary>
    public string? OtherSite => !IsOtherSite ? null : PageOwner is not null && PageOwner != Site ? PageOwner : ForeignDocuments[0].Domain;

    /// <summary>
    /// Judges <paramref name="capture"/> against <paramref name="site"/>; <paramref name="registrableDomain"/> gives a
    /// host's registrable domain (the Public Suffix List), or null for a host that has none.
    /// </summary>
    public static HarSite Of(HarCapture capture, string site, Func<string, string?> registrableDomain)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(registrableDomain);
        string OwnerOf(string host) => host == site || host.EndsWith("." + site, StringComparison.Ordinal) ? site : registrableDomain(host) ?? host;

        var documents = capture.Entries
            .Where(entry => entry.Kind == "document" && entry.Host.Length > 0)
            .Select(entry => OwnerOf(entry.Host))
            .ToList();
        var foreign = documents.Where(owner => owner != site)
            .GroupBy(owner => owner, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count()))
            .OrderByDescending(pair => pair.Item2).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        var page = capture.PageTitle is { } title
            && Uri.TryCreate(title.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.IdnHost.Length > 0
                ? OwnerOf(Naming.HostName.Of(uri))
                : null;
        return new HarSite(site, documents.Count(owner => owner == site), foreign, page);
    }
}
