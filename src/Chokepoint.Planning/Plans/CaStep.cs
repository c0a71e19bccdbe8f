using System.Globalization;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Plans;

/// <summary>
/// The step for a certificate authority that is a single point of failure. It reads the site's CAA set first: when
/// the set allows any CA (no <c>issue</c> property) or already allows a CA of another company, no step adds one;
/// otherwise the CAA artifact adds the first candidate it does not already allow. The <c>iodef</c> is the site's
/// own when it publishes one, else a marked placeholder under <c>.invalid</c> (RFC 6761), never an invented mailbox.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659">RFC 8659</seealso>
internal static class CaStep
{
    private const string EffortReason = "an ACME account at a second CA and, where CAA lists issuers, one CAA record: under an hour";

    public static StepContent For(string domain, SinglePointOfFailure chokepoint, PlanInputs inputs, List<ProviderCandidate> candidates)
    {
        var company = chokepoint.CompanyName;
        var own = CaaIssuerDomains.Of(chokepoint.CompanyId).Append(inputs.CurrentCaIssuer ?? string.Empty)
            .Where(d => d.Length > 0).Select(CaaIssuerDomains.Normalize).ToHashSet(StringComparer.Ordinal);
        var issue = inputs.CurrentCaa.Where(r => IsTag(r, "issue")).ToList();
        var allowed = issue.Select(r => IssuerOf(r.Value)).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var others = allowed.Where(d => !own.Contains(d)).ToList();
        var expiry = Expiry(inputs);
        var artifacts = new List<PlanArtifact>();

        if (others.Count > 0)
        {
            // Already redundant in CAA: the remaining work is an account and an issuance path at that CA.
            var named = candidates.Where(c => c.Value is { } v && others.Contains(CaaIssuerDomains.Normalize(v))).ToList();
            StepContent.AddAlternatives(artifacts, "CAs the CAA set already allows", named);
            return new StepContent(StepKind.Removes, Effort.Low,
                $"Keep issuance ready at {string.Join(", ", others)}, which CAA already allows next to {company}",
                $"The site's CAA set already allows {string.Join(", ", others)} besides {company}, so no CAA change is needed: keep an ACME account (or an order process) at that CA tested, so a CA ending service costs a re-issue of minutes.{expiry}",
                artifacts,
                "an ACME account at a CA the CAA set already allows and a tested issuance: under an hour, no DNS change");
        }

        var second = candidates.FirstOrDefault(c => c.Value is { } v && !string.IsNullOrWhiteSpace(v) && !allowed.Contains(CaaIssuerDomains.Normalize(v)) && !own.Contains(CaaIssuerDomains.Normalize(v)));
        if (issue.Count == 0)
        {
            // No issue property: any CA may issue today. A CAA set is optional hardening, offered only when the
            // current CA's issuer domain is known (a set without it would stop the current CA's renewals).
            if (second is not null && inputs.CurrentCaIssuer is not null)
            {
                artifacts.Add(CaaArtifact(domain, inputs, second, $"Optional: CAA limiting issuance to the current CA and {second.Name}"));
            }

            StepContent.AddAlternatives(artifacts, "Second CA candidates", candidates);
            return new StepContent(StepKind.Removes, Effort.Low,
                $"Keep a second CA ready next to {company} (CAA allows any CA today)",
                $"The site publishes no CAA issue property, so any CA may issue for it and switching needs no DNS change: open an ACME account at a second CA and keep the client able to switch to it.{expiry}",
                artifacts,
                "an ACME account at a second CA and a tested issuance: under an hour, no DNS change");
        }

        if (second is not null)
        {
            artifacts.Add(CaaArtifact(domain, inputs, second, $"CAA allowing {second.Name} next to the current CA"));
        }

        StepContent.AddAlternatives(artifacts, "Second CA candidates", candidates);
        return new StepContent(StepKind.Removes, Effort.Low,
            $"Allow a second CA next to {company} and automate issuance",
            $"The CAA set allows only {company} ({string.Join(", ", allowed)}): list a second CA in CAA and keep an ACME client able to switch to it, so a CA ending service costs a re-issue of minutes rather than a CAA change and a manual order under pressure.{expiry}",
            artifacts,
            EffortReason);
    }

    private static PlanArtifact CaaArtifact(string domain, PlanInputs inputs, ProviderCandidate second, string title)
    {
        var set = CaaRecordSet.AddSecondCa(inputs.CurrentCaa, inputs.CurrentCaIssuer, second.Value!);
        var header = string.Empty;
        if (!inputs.CurrentCaa.Any(r => IsTag(r, "iodef")))
        {
            if (inputs.IodefContact is { } contact)
            {
                set.Iodef(contact);
            }
            else
            {
                var placeholder = PlaceholderIodef(domain);
                set.Iodef(placeholder);
                header = ZoneComments.Line($"{placeholder} is a placeholder: replace it with a mailbox the site reads for CA reports (RFC 8659 section 4.4), or remove the iodef record.");
            }
        }

        var records = set.Build();
        var text = header + ZoneFileWriter.Write(new ZoneFile(domain, inputs.DefaultTtl, records.Select(r => r.ToZoneRecord(domain, inputs.DefaultTtl)).ToList()));
        var validation = CaaValidator.Validate(records);
        if (!validation.IsValid)
        {
            text += string.Concat(validation.Problems.Select(p => ZoneComments.Line("check: " + p.Message)));
        }

        return new PlanArtifact(ArtifactKind.CaaRecords, title, text, [second]);
    }

    /// <summary>A marked placeholder that never delivers (the .invalid TLD, RFC 6761), for a site that publishes no iodef.</summary>
    public static string PlaceholderIodef(string domain) => $"mailto:security@{domain.TrimEnd('.')}.invalid";

    private static string Expiry(PlanInputs inputs) => inputs.Facts?.CertificateDaysRemaining switch
    {
        null => string.Empty,
        < 0 => " The current certificate has already expired: renew it first.",
        var days => string.Create(CultureInfo.InvariantCulture,
            $" The current certificate is valid {days} more day{(days == 1 ? "" : "s")}: a CA that only stops issuing leaves that long to switch; one that revokes leaves no time."),
    };

    private static string IssuerOf(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return CaaIssuerDomains.Normalize(semicolon < 0 ? value : value[..semicolon]);
    }

    private static bool IsTag(CaaRecord record, string tag) => string.Equals(record.Tag, tag, StringComparison.OrdinalIgnoreCase);
}
