using System.Text;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Planning.Mail;
using Chokepoint.Planning.Zones;
using Chokepoint.Model;

namespace Chokepoint.Planning.Plans;

/// <summary>The text, effort (and why that effort) and artifacts of a step, by layer.</summary>
internal sealed record StepContent(StepKind Kind, Effort Effort, string Title, string Text, IReadOnlyList<PlanArtifact> Artifacts, string EffortReason)
{
    public static StepContent For(
        SiteModel model, SinglePointOfFailure chokepoint, Supplier supplier, IReadOnlyList<SiteFunction> functions, PlanInputs inputs, IReadOnlyList<Supplier>? role = null)
    {
        var company = chokepoint.CompanyName;
        var id = chokepoint.CompanyId;
        if (supplier.Via is { } via)
        {
            // The site does not buy this service: the only lever is the provider that relies on it.
            var around = For(model, chokepoint with { CompanyId = via.CompanyId, CompanyName = via.CompanyName }, via, functions, inputs);
            var roles = (role ?? [supplier]).ToList();
            var services = string.Join(", ", roles.Select(s => s.Service).Distinct(StringComparer.Ordinal));
            var details = string.Join("; ", roles.Select(s => $"{s.Service}: {s.Detail}").Distinct(StringComparer.Ordinal));
            return around with
            {
                Title = $"Route around {via.CompanyName}'s {via.Service}, which relies on {company} ({services}): {FirstLower(around.Title)}",
                Text = $"{company} serves {via.CompanyName}, not the site ({details}); the site cannot replace it and can only stop depending on {via.CompanyName}'s {via.Service}, or accept the risk. {around.Text}",
            };
        }

        switch (supplier.Layer)
        {
            case Layer.Registration when string.Equals(supplier.Service, "registry", StringComparison.OrdinalIgnoreCase):
                return new StepContent(StepKind.Mitigates, Effort.High,
                    $"Keep a second domain under another TLD (the {supplier.Detail} registry is single by construction)",
                    $"A name has exactly one registry ({company}). Register the site's name under a TLD run by another registry and jurisdiction, keep it pointed at the site or ready to, and tell readers about it.",
                    [],
                    "a second name must be registered, served (DNS, certificates, hosting) and made known to readers: days");

            case Layer.Registration:
                return Registrar(model, chokepoint, inputs);

            case Layer.Dns:
            {
                var candidates = Others(inputs.DnsCandidates, id);
                var artifacts = new List<PlanArtifact> { ZoneArtifact(model.Domain, inputs, candidates) };
                AddAlternatives(artifacts, "Secondary DNS candidates", candidates);
                // A provider already in the delegation that does not serve the zone is missing, not a second one.
                var notServing = inputs.NotServingDns.Where(o => o.CompanyId != id).ToList();
                var missing = notServing.Count == 0 ? string.Empty
                    : " " + string.Join(" ", notServing.Select(o =>
                        $"{o.Name} is listed at the registrar ({string.Join(", ", o.NameServers)}) but does not serve the zone (lame or unreachable), so it counts as missing: load the zone there and check that its nameservers answer with authority, or replace them with the second provider's."));
                return new StepContent(StepKind.Removes, Effort.Medium,
                    $"Add a second DNS provider next to {company}",
                    $"Serve the zone from two companies: keep {company} and load the same records at a second provider (zone transfer or API sync), then list both providers' nameservers at the registrar. Resolvers then fall back to the other provider's nameservers when one company stops answering.{missing}",
                    artifacts,
                    "a new account, the zone loaded and kept in sync (transfer or API), and an NS change at the registrar: about a day");
            }

            case Layer.Cdn:
            {
                var artifacts = new List<PlanArtifact>();
                AddAlternatives(artifacts, "Second CDN candidates", Others(inputs.CdnCandidates, id));
                return new StepContent(StepKind.Removes, Effort.Medium,
                    $"Make the site servable without {company}'s CDN",
                    $"Keep the origin able to serve readers directly (its own certificate for the name, capacity for the traffic) or configure a second CDN, and keep the DNS change that switches to it prepared with a short TTL.",
                    artifacts,
                    "a second CDN account or a directly reachable origin, with its certificate and a prepared DNS switch: about a day");
            }

            case Layer.Hosting:
            {
                var artifacts = new List<PlanArtifact>();
                AddAlternatives(artifacts, "Standby host candidates", Others(inputs.HostingCandidates, id));
                return new StepContent(StepKind.Removes, Effort.High,
                    $"Keep an off-site backup and a standby at a host outside {company}",
                    "Back the site up to storage at another company and keep a standby deployment (or a tested restore procedure) there; lower the TTL of the records that point at the origin.",
                    artifacts,
                    "a standby deployment at another host, its data kept current and a restore tested: days");
            }

            case Layer.Tls:
                return CaStep.For(model.Domain, chokepoint, inputs, Others(inputs.CaCandidates, id).Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToList());

            case Layer.Mail:
                return Mail(model.Domain, chokepoint, functions, inputs);

            case Layer.Money:
            {
                var artifacts = new List<PlanArtifact>();
                foreach (var function in functions)
                {
                    var list = inputs.RevenueAlternatives.TryGetValue(function.Id, out var c) ? c : [];
                    AddAlternatives(artifacts, $"Alternatives for {function.Id}", Others(list, id));
                }

                return new StepContent(StepKind.Removes, Effort.Medium,
                    $"Set up a second {supplier.Service} provider outside {company}",
                    $"Open an account with a provider from another company before it is needed (approval takes days) and offer it next to {company}, so the revenue path keeps working if one ends service.",
                    artifacts,
                    "an application and review at the second provider (days of waiting, about a day of work), then its tags, links or checkout on the site");
            }

            default:
                return new StepContent(StepKind.Removes, Effort.Low,
                    $"Self-host or add a fallback for {company}'s {supplier.Service}",
                    $"Serve what {company} provides on the page from the site itself or keep a fallback so the page works without it.",
                    [],
                    "a copy of the script or embed served by the site, or a fallback in the page: under an hour");
        }
    }

    private static StepContent Registrar(SiteModel model, SinglePointOfFailure chokepoint, PlanInputs inputs)
    {
        var infrastructure = model.Functions
            .SelectMany(f => f.Requirement.Suppliers())
            .Where(s => s.Via is null && s.Layer is Layer.Dns or Layer.Cdn or Layer.Hosting)
            .Select(s => s.CompanyId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var sameGroup = infrastructure.Contains(chokepoint.CompanyId);
        var candidates = inputs.RegistrarCandidates
            .Where(c => c.CompanyId != chokepoint.CompanyId && !infrastructure.Contains(c.CompanyId))
            .ToList();

        var notes = new StringBuilder()
            .AppendLine("- Renew for several years and keep the registrant contact current, so the name cannot lapse while attention is elsewhere.")
            .AppendLine("- Keep the transfer authorization code on file; the registrar must provide it within 5 days when asked (ICANN Transfer Policy).")
            .AppendLine("- Transfers are blocked for 60 days after a registration, transfer or change of registrant: avoid needless registrant changes.")
            .AppendLine("- clientTransferProhibited guards against hijacking and can be lifted from the registrar's panel; a registry lock (serverTransferProhibited) also slows a move away when the registrar itself ends service.")
            .AppendLine("- A registrar can put the name on clientHold, which removes it from the TLD zone while the registration stays with that registrar.");
        if (sameGroup)
        {
            notes.AppendLine($"- {chokepoint.CompanyId} is also the DNS/CDN/hosting company: one decision would remove both the name and the means to point it elsewhere. Move the registration to a registrar outside {string.Join(", ", infrastructure)}.");
        }
        else
        {
            notes.AppendLine($"- The registrar is not in the same group as the DNS/CDN/hosting companies ({string.Join(", ", infrastructure)}); keep it that way.");
        }

        var artifacts = new List<PlanArtifact> { new(ArtifactKind.RegistrarNotes, "Registration notes", notes.ToString(), []) };
        AddAlternatives(artifacts, "Registrars outside the DNS/CDN/hosting companies", candidates);
        return new StepContent(StepKind.Mitigates, Effort.Low,
            sameGroup ? $"Move the registration away from {chokepoint.CompanyName}, which also runs the site's infrastructure" : $"Harden the registration at {chokepoint.CompanyName}",
            "A domain has exactly one registrar, so this dependency cannot be made redundant; these steps shorten a forced move and keep the registrar separate from the DNS and CDN companies.",
            artifacts,
            sameGroup
                ? "settings at the registrar and a transfer started from the new one (the transfer itself runs for up to 5 days without work): under an hour of work"
                : "settings at the registrar (renewal, contacts, locks) and a transfer code on file: under an hour");
    }

    private static StepContent Mail(string domain, SinglePointOfFailure chokepoint, IReadOnlyList<SiteFunction> functions, PlanInputs inputs)
    {
        var candidates = Others(inputs.BackupMxCandidates, chokepoint.CompanyId);
        var artifacts = new List<PlanArtifact>();
        var inbound = functions.Any(f => f.Id != SiteModelBuilder.MailSent);
        if (inbound && inputs.CurrentMx.Count > 0)
        {
            // A provider that publishes its backup exchanger is named; otherwise a marked placeholder in .invalid
            // (RFC 6761: never resolves), so a set loaded unedited sends mail nowhere rather than to a guess.
            var named = candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Value));
            var set = MxRecordSet.WithBackup(inputs.CurrentMx, named?.Value ?? PlaceholderBackupMx);
            var header = named is null
                ? ZoneComments.Line($"{PlaceholderBackupMx} is a placeholder: replace it with the exchanger your backup MX provider assigns to {domain}")
                : ZoneComments.Line($"{named.Value}: {named.Name}'s backup exchanger ({named.Source})");
            var text = header + ZoneFileWriter.Write(new ZoneFile(domain, inputs.DefaultTtl, set.ToZoneRecords(domain, inputs.DefaultTtl)));
            artifacts.Add(new PlanArtifact(ArtifactKind.MxRecords, named is null ? "MX with a backup exchanger (placeholder to replace)" : $"MX with {named.Name} as backup", text, named is null ? [] : [named]));
        }

        AddAlternatives(artifacts, "Backup mail candidates", candidates);
        return new StepContent(StepKind.Removes, Effort.Low,
            inbound ? $"Add a backup MX outside {chokepoint.CompanyName}" : $"Authorise a second sending provider outside {chokepoint.CompanyName}",
            inbound
                ? "Add a backup exchanger at another company with a higher preference value; it accepts and queues mail when the primary stops answering. Make it apply the same spam filtering and deliver to the primary (or the new one) later."
                : "Set up a second sending provider and publish its SPF include and DKIM key now, so switching is a configuration change.",
            artifacts,
            inbound
                ? "one MX record at a backup provider that accepts mail for the domain: under an hour"
                : "an account at a second sending provider and two DNS records (SPF include, DKIM key): under an hour");
    }

    /// <summary>
    /// The zone as seen from outside, with the current nameservers and a secondary's: a provider that publishes
    /// the nameservers of its secondary zones is named, else marked placeholders in .invalid (RFC 6761).
    /// </summary>
    private static PlanArtifact ZoneArtifact(string domain, PlanInputs inputs, List<ProviderCandidate> candidates)
    {
        var records = inputs.ZoneRecords.ToList();
        var apex = ZoneRecord.Absolute(domain);
        var secondary = candidates.FirstOrDefault(c => c.Hosts is { Count: > 0 });
        var hosts = secondary?.Hosts ?? PlaceholderNameServers;
        foreach (var host in hosts)
        {
            var extra = ZoneRecord.Ns(apex, inputs.DefaultTtl, host);
            if (!records.Contains(extra))
            {
                records.Add(extra);
            }
        }

        var header = new StringBuilder();
        header.Append(ZoneComments.Line($"{apex} as seen from outside: the apex, www and origin names, mail, TXT, CAA and the nameservers."))
            .Append(ZoneComments.Line("Not here, because no one can see them from outside: DKIM keys (<selector>._domainkey names: selectors"))
            .Append(ZoneComments.Line("are not published anywhere), SRV records, internal and unlinked names, wildcard records, and any"))
            .Append(ZoneComments.Line("record at a name the audit did not look up. Export the full zone from the current provider (or allow"))
            .Append(ZoneComments.Line("a zone transfer) before relying on this file."));
        foreach (var name in inputs.NotSeen)
        {
            header.Append(ZoneComments.Line("not seen: " + name));
        }

        header.Append(ZoneComments.Line(secondary is null
            ? $"{string.Join(", ", PlaceholderNameServers)} are placeholders: replace them with the nameservers the secondary provider assigns."
            : $"Secondary nameservers: {secondary.Name} ({secondary.Source}); allow it to transfer the zone from the primary."));
        var text = header + ZoneFileWriter.Write(new ZoneFile(domain, inputs.DefaultTtl, records));
        return new PlanArtifact(ArtifactKind.ZoneFile, $"Zone file for {apex} to load at the secondary provider", text, secondary is null ? [] : [secondary]);
    }

    /// <summary>Marked placeholders that can never resolve (the .invalid TLD, RFC 6761), for values no catalog entry publishes.</summary>
    private static readonly string[] PlaceholderNameServers = ["ns1.secondary-provider.invalid", "ns2.secondary-provider.invalid"];

    private const string PlaceholderBackupMx = "backup-mx.invalid";

    internal static void AddAlternatives(List<PlanArtifact> artifacts, string title, List<ProviderCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var text = string.Join("\n", candidates.Select(c => $"- {c.Name} ({c.CompanyId}){(c.Note is null ? string.Empty : ": " + c.Note)}")) + "\n";
        artifacts.Add(new PlanArtifact(ArtifactKind.Alternatives, title, text, candidates));
    }

    internal static List<ProviderCandidate> Others(IEnumerable<ProviderCandidate> candidates, string companyId) =>
        candidates.Where(c => !string.Equals(c.CompanyId, companyId, StringComparison.Ordinal)).ToList();

    private static string FirstLower(string text) =>
        text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
