namespace Chokepoint.Collection.Rdap;

/// <summary>Limits and sources for <see cref="RdapClient"/>.</summary>
public sealed record RdapClientOptions
{
    /// <summary>Where to fetch the bootstrap file; IANA's when null.</summary>
    public Uri? BootstrapUrl { get; init; }

    /// <summary>An already loaded bootstrap; when set, nothing is fetched for it.</summary>
    public RdapBootstrap? Bootstrap { get; init; }

    /// <summary>Time allowed for each HTTP exchange.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest response read, in bytes.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Whether to ask the registrar's RDAP service (the registry's "related" link) for the abuse contact when the registry gives none.</summary>
    public bool FollowRegistrarLink { get; init; } = true;
}
