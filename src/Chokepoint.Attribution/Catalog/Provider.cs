namespace Chokepoint.Attribution.Catalog;

/// <summary>A service offered by a company (e.g. Amazon Route 53, a DNS service of Amazon), with the signals that reveal it.</summary>
/// <param name="Id">Catalog id, e.g. <c>amazon-route53</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="CompanyId">Id of the company that runs it.</param>
/// <param name="Service">The service word, one of <see cref="ServiceNames.All"/>.</param>
/// <param name="Signals">The rules that attribute an observation to this provider.</param>
/// <param name="File">The data file the provider was loaded from.</param>
/// <param name="Planning">What a plan can propose in an artifact (secondary nameservers, backup MX), when published.</param>
/// <param name="Status">Whether it is still in service and trusted, with the date and source; null means active.</param>
/// <param name="AdSide">For ad services, which side of the market it serves; <see cref="Catalog.AdSide.Publisher"/> for an
/// <c>ad-exchange</c> unless stated.</param>
/// <param name="Proposal">Whom a plan may propose it to, when not every site; null for every site.</param>
public sealed record Provider(
    string Id,
    string Name,
    string CompanyId,
    string Service,
    IReadOnlyList<Signal> Signals,
    string File,
    ProviderPlanning? Planning = null,
    ProviderStatus? Status = null,
    AdSide AdSide = AdSide.Unknown,
    ProviderProposal? Proposal = null)
{
    /// <summary>True when a plan may propose this provider to <paramref name="domain"/> (its status aside).</summary>
    public bool ProposableTo(string domain) => Proposal?.Allows(domain) ?? true;

    /// <summary>The status, <see cref="ProviderStatus.Active"/> when the catalog gives none.</summary>
    public ProviderStatus CurrentStatus => Status ?? ProviderStatus.Active;
}
