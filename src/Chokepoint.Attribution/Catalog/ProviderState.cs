namespace Chokepoint.Attribution.Catalog;

/// <summary>Whether a provider can still be proposed to a site, as written in the catalog's <c>status.state</c>.</summary>
public enum ProviderState
{
    /// <summary>In service (the default when a provider has no <c>status</c>).</summary>
    Active,

    /// <summary>The service has closed (e.g. Dyn Managed DNS, retired by Oracle); still recognised in observations, never proposed.</summary>
    Retired,

    /// <summary>Browsers no longer trust what it issues (e.g. Entrust's public TLS certificates); still recognised, never proposed.</summary>
    Distrusted,
}
