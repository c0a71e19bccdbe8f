namespace Chokepoint.Analysis.Scenarios;

/// <summary>A company a what-if drops, and where it stands with the site.</summary>
/// <param name="CompanyId">The ultimate owning company's id.</param>
/// <param name="CompanyName">Its display name.</param>
/// <param name="Standing">Whether a function needs it, it supplies only what no function needs, or it supplies nothing.</param>
/// <param name="Services">What it supplies to the site, e.g. "analytics (Google Analytics)"; empty when it supplies nothing.</param>
public sealed record DroppedCompany(string CompanyId, string CompanyName, SupplierStanding Standing, IReadOnlyList<string> Services)
{
    /// <summary>One plain line for a company whose loss changes nothing; null for a company a function needs.</summary>
    public string? NothingChanges => Standing switch
    {
        SupplierStanding.NotASupplier => $"{CompanyName} is not among this site's suppliers; nothing changes",
        SupplierStanding.NeededByNoFunction =>
            $"{CompanyName} supplies {string.Join(", ", Services)} to this site, which none of its functions needs to work; nothing fails",
        _ => null,
    };
}
