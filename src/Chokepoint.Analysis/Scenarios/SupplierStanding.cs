namespace Chokepoint.Analysis.Scenarios;

/// <summary>Where a dropped company stands with the site: what dropping it can change.</summary>
public enum SupplierStanding
{
    /// <summary>It supplies something a function of the site needs: its loss is evaluated.</summary>
    InFunctions,

    /// <summary>It supplies the site (an analytics tag, a font host) but no function needs it to work: nothing fails.</summary>
    NeededByNoFunction,

    /// <summary>It supplies nothing the audit saw: nothing changes.</summary>
    NotASupplier,
}
