using System.Text.Json.Serialization;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Page;
using Chokepoint.Observations.Registration;
using Chokepoint.Observations.Tls;
using Chokepoint.Observations.Web;

namespace Chokepoint.Observations;

/// <summary>
/// Everything the collectors saw of one site, with provenance, and what they could not see and why.
/// This is the stable, shareable observations format (docs/observations-format.md); the analysis runs on it alone.
/// </summary>
public sealed record SiteObservations
{
    /// <summary>
    /// The current format version. Readers accept this version and older ones, and reject newer ones. Version 2 gave
    /// every gap a kind and a subject; version 1 gaps are read with <see cref="GapKind.NotClassified"/> and the
    /// subject of their key (<see cref="GapKeys.Infer"/>).
    /// </summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>The marker every observations file carries in <c>format</c>: what the file is (docs/observations-format.md).</summary>
    public const string FormatMarker = "chokepoint-observations";

    /// <summary>Always <see cref="FormatMarker"/>; files written before the marker are read by their shape.</summary>
    [JsonPropertyName("format")]
    public string Format { get; init; } = FormatMarker;

    [JsonPropertyName("formatVersion")]
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The audited domain, normalised (lowercase, no trailing dot, punycode).</summary>
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    /// <summary>When collection started.</summary>
    [JsonPropertyName("collectedAt")]
    public DateTimeOffset CollectedAt { get; init; }

    /// <summary>Which network was used ("internet", "demo", or a world name).</summary>
    [JsonPropertyName("network")]
    public string Network { get; init; } = "internet";

    /// <summary>The tool version that collected.</summary>
    [JsonPropertyName("toolVersion")]
    public string ToolVersion { get; init; } = "";

    /// <summary>The data sets the collection used (the IP-to-ASN table); empty in files that predate it.</summary>
    [JsonPropertyName("dataSets")]
    public List<CollectionDataSet> DataSets { get; init; } = [];

    [JsonPropertyName("registration")]
    public RegistrationObservation? Registration { get; init; }

    [JsonPropertyName("dns")]
    public DnsObservation? Dns { get; init; }

    [JsonPropertyName("hosts")]
    public List<HostObservation> Hosts { get; init; } = [];

    [JsonPropertyName("http")]
    public List<HttpObservation> Http { get; init; } = [];

    [JsonPropertyName("tls")]
    public List<TlsObservation> Tls { get; init; } = [];

    /// <summary>
    /// Zones outside the site that hold names it relies on (CNAME targets, mail exchangers, OCSP responder hosts),
    /// with their nameservers: the providers' own DNS. Hosts of OCSP responders are in <see cref="Hosts"/> with
    /// role "ocsp". Null when they were not collected (observations written before this was collected); an empty
    /// list when they were and there were none.
    /// </summary>
    [JsonPropertyName("upstreamZones")]
    public List<ZoneObservation>? UpstreamZones { get; init; }

    /// <summary>
    /// The RDAP registrations of the registrable domains that hold the site's nameservers, other than the site's own
    /// (at most four per site; a domain of a catalog provider is not looked up when the collector knows the catalog).
    /// Null when they were not collected (observations written before this was collected); an empty list when they
    /// were and there were none. A lookup that failed is a gap about <see cref="GapKeys.RdapNameServer"/>.
    /// </summary>
    [JsonPropertyName("nameServerDomains")]
    public List<NameServerDomainObservation>? NameServerDomains { get; init; }

    [JsonPropertyName("mail")]
    public MailObservation? Mail { get; init; }

    [JsonPropertyName("page")]
    public PageObservation? Page { get; init; }

    /// <summary>What could not be observed, and why. Unseen is never reported as absent.</summary>
    [JsonPropertyName("unobserved")]
    public List<Unobserved> Unobserved { get; init; } = [];

    /// <summary>
    /// The host the audit was given when it was not the registrable domain (<c>www.example.com</c> for
    /// <see cref="Domain"/> <c>example.com</c>): the web entry point the page collection started from. Null (absent)
    /// when the domain itself was given.
    /// </summary>
    [JsonPropertyName("entryPoint")]
    public string? EntryPoint { get; init; }
}
