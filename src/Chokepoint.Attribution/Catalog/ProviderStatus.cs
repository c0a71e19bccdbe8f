namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// A provider's status with the date it took effect and the public page that states it. Providers that are
/// <see cref="ProviderState.Retired"/> or <see cref="ProviderState.Distrusted"/> stay in the catalog so observations
/// of them are still attributed, but a plan never proposes them.
/// </summary>
/// <param name="State">The state.</param>
/// <param name="Since">The day the state took effect (for a distrust: the first day newly issued certificates are refused).</param>
/// <param name="Source">The public page that states it (https).</param>
/// <param name="Note">Anything the reader should know: differing dates between browsers, what is still in service.</param>
public sealed record ProviderStatus(ProviderState State, DateOnly Since, string Source, string? Note = null)
{
    /// <summary>The status of a provider with no <c>status</c> in the catalog.</summary>
    public static ProviderStatus Active { get; } = new(ProviderState.Active, DateOnly.MinValue, string.Empty);

    /// <summary>True when a plan may propose the provider.</summary>
    public bool CanBeProposed => State == ProviderState.Active;
}
