using Chokepoint.Model;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Mail;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Plans;

/// <summary>What the planner needs beyond the analysis: current records and candidate providers. All optional.</summary>
public sealed record PlanInputs
{
    /// <summary>No records, no candidates.</summary>
    public static PlanInputs Empty { get; } = new();

    /// <summary>The zone's current records, written into the zone file for a secondary DNS provider.</summary>
    public IReadOnlyList<ZoneRecord> ZoneRecords { get; init; } = [];

    /// <summary>$TTL of the generated zone file.</summary>
    public uint DefaultTtl { get; init; } = 3600;

    /// <summary>Current CAA records at the domain (empty when none).</summary>
    public IReadOnlyList<CaaRecord> CurrentCaa { get; init; } = [];

    /// <summary>Issuer domain of the current CA, e.g. "letsencrypt.org".</summary>
    public string? CurrentCaIssuer { get; init; }

    /// <summary>
    /// Where CAs should report refused requests (mailto: or https: URL) when the site publishes one and its CAA set has
    /// none; null writes a marked placeholder under .invalid instead of inventing a mailbox.
    /// </summary>
    public string? IodefContact { get; init; }

    /// <summary>
    /// What the zone file could not include because it was not seen from outside, one line each (e.g. "www.example.org:
    /// lookup timed out"), written into the zone file as comments.
    /// </summary>
    public IReadOnlyList<string> NotSeen { get; init; } = [];

    /// <summary>The report's state banners (on hold, redemption...): a state that takes the site offline comes first in the plan.</summary>
    public IReadOnlyList<SiteState> States { get; init; } = [];

    /// <summary>Current MX entries.</summary>
    public IReadOnlyList<MxEntry> CurrentMx { get; init; } = [];

    /// <summary>Candidate CAs; <see cref="ProviderCandidate.Value"/> is the CAA issuer domain.</summary>
    public IReadOnlyList<ProviderCandidate> CaCandidates { get; init; } = [];

    /// <summary>Candidate backup mail exchangers; <see cref="ProviderCandidate.Value"/> is the MX host.</summary>
    public IReadOnlyList<ProviderCandidate> BackupMxCandidates { get; init; } = [];

    /// <summary>Candidate secondary DNS providers; <see cref="ProviderCandidate.Value"/> is a nameserver host.</summary>
    public IReadOnlyList<ProviderCandidate> DnsCandidates { get; init; } = [];

    /// <summary>DNS operators in the delegation that do not serve the zone (lame or unreachable): the DNS step counts them as missing.</summary>
    public IReadOnlyList<NotServingOperator> NotServingDns { get; init; } = [];

    /// <summary>Candidate CDNs.</summary>
    public IReadOnlyList<ProviderCandidate> CdnCandidates { get; init; } = [];

    /// <summary>Candidate hosts.</summary>
    public IReadOnlyList<ProviderCandidate> HostingCandidates { get; init; } = [];

    /// <summary>Candidate registrars.</summary>
    public IReadOnlyList<ProviderCandidate> RegistrarCandidates { get; init; } = [];

    /// <summary>Alternatives per revenue function id ("revenue:payments" -> candidates).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ProviderCandidate>> RevenueAlternatives { get; init; } =
        new Dictionary<string, IReadOnlyList<ProviderCandidate>>(StringComparer.Ordinal);

    /// <summary>Facts for the time-to-recover shown with each step; null to leave it out.</summary>
    public RecoveryFacts? Facts { get; init; }
}
