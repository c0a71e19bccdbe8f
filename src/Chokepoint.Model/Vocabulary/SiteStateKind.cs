using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>A state of the site that every view shows before any grade (docs/report-format.md, <c>status</c>).</summary>
[JsonConverter(typeof(VocabularyConverter<SiteStateKind>))]
public enum SiteStateKind
{
    /// <summary>The registry says the domain does not exist (NXDOMAIN at the TLD, RDAP 404), and no hold explains it.</summary>
    DoesNotExist,

    /// <summary>A client or server hold (RFC 5731): the registry has taken the name out of the TLD zone; offline now.</summary>
    OnHold,

    /// <summary>pendingDelete (RFC 3915): the name is about to be released.</summary>
    PendingDelete,

    /// <summary>redemptionPeriod (RFC 3915): deleted by the registrar; restorable for a fee, offline meanwhile.</summary>
    Redemption,

    /// <summary>The registration's expiry date has passed.</summary>
    Expired,

    /// <summary>No DNS query of the audit was answered: the resolver or every server stayed silent.</summary>
    ResolverSilent,

    /// <summary>The collection's time budget ran out before every probe finished.</summary>
    BudgetCut,
}
