using System.Globalization;
using Chokepoint.Analysis.Model;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Recovery;

/// <summary>
/// Estimates the time to recover a function after a supplier ends service, as an ordered list of steps with
/// ranges. Known facts narrow the range; unknown ones widen it and are listed as assumptions.
/// The rules are documented in docs/analysis.md ("Time to recover").
/// </summary>
public static class RecoveryEstimator
{
    /// <summary>Assumed parent delegation TTL when unknown: the .com and .net delegation TTL (172800 s).</summary>
    public static readonly TimeSpan AssumedParentNsTtl = TimeSpan.FromDays(2);

    /// <summary>Assumed record TTL when unknown: the top of the common range of 5 minutes to 1 day.</summary>
    public static readonly TimeSpan AssumedRecordTtl = TimeSpan.FromDays(1);

    /// <summary>Days a registrar has to hand over the transfer code under ICANN's Transfer Policy.</summary>
    public const int AuthCodeDays = 5;

    /// <summary>Days after which a gTLD transfer completes if the losing registrar does not answer.</summary>
    public const int TransferAutoApproveDays = 5;

    /// <summary>Days transfers are blocked after a registration, transfer or change of registrant.</summary>
    public const int TransferLockDays = 60;

    /// <summary>Estimates recovery of <paramref name="function"/> after the company behind <paramref name="supplier"/> ends that service.</summary>
    public static TimeToRecover Estimate(Supplier supplier, SiteFunction function, RecoveryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(facts);

        var plan = new RecoveryPlanBuilder();
        AddSupplierSteps(plan, supplier, function, facts);
        return Finish(supplier.CompanyId, function.Id, plan.Steps, plan.Assumptions);
    }

    /// <summary>
    /// Estimates recovery of <paramref name="function"/> after <paramref name="companyId"/> ends every service it
    /// supplies to it. Each supplier's steps form a track; tracks can run in parallel (low = the slowest track's
    /// low) or may have to run one after another (high = the sum of the tracks' highs).
    /// </summary>
    public static TimeToRecover Estimate(string companyId, SiteFunction function, RecoveryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(companyId);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(facts);

        // Several roles behind one provider recover together, by moving off that provider: one track.
        var suppliers = function.Requirement.Suppliers()
            .Where(s => s.CompanyId == companyId)
            .DistinctBy(s => s.Via is { } via ? $"via|{via.CompanyId}|{via.Service}|{via.Layer}" : $"{s.Service}|{s.Layer}", StringComparer.Ordinal)
            .ToList();

        // When the company is both registrar and DNS host, the DNS track already moves the name away from it:
        // a separate registrar track would repeat the transfer.
        var coveredTransfer = facts.RegistrarCompanyId == companyId
            && suppliers.Any(s => s is { Layer: Layer.Dns, Via: null });
        var subsumed = coveredTransfer
            ? suppliers.Where(s => s is { Layer: Layer.Registration, Via: null } && Is(s, "registrar")).ToList()
            : [];
        suppliers.RemoveAll(subsumed.Contains);
        if (suppliers.Count == 0)
        {
            return new TimeToRecover(companyId, function.Id, TimeSpan.Zero, TimeSpan.Zero, false, [],
                [$"{companyId} supplies nothing to {function.Id}: nothing to recover"]);
        }

        if (suppliers.Count == 1)
        {
            var single = Estimate(suppliers[0], function, facts);
            return subsumed.Count == 0 ? single : single with
            {
                Assumptions = [.. single.Assumptions, $"{suppliers[0].Name} is also the registrar: the transfer to another registrar is part of these steps"],
            };
        }

        var steps = new List<RecoveryStep>();
        var assumptions = new List<string>
        {
            $"{companyId} supplies {string.Join(", ", suppliers.Select(s => s.Service))} here: the replacements can run in parallel (low end = slowest track) or one after another (high end = sum)",
        };
        if (subsumed.Count > 0)
        {
            assumptions.Add($"{companyId} is also the registrar: the transfer to another registrar is counted once, in the dns track");
        }
        var low = TimeSpan.Zero;
        var high = TimeSpan.Zero;
        var openEnded = false;
        foreach (var supplier in suppliers)
        {
            var track = Estimate(supplier, function, facts);
            var label = supplier.Via is null ? supplier.Service : $"{supplier.Service} behind {supplier.Via.Service}";
            steps.AddRange(track.Steps.Select(s => s with { Text = $"[{label}] {s.Text}" }));
            foreach (var assumption in track.Assumptions.Where(a => !assumptions.Contains(a, StringComparer.Ordinal)))
            {
                assumptions.Add(assumption);
            }

            low = track.Low > low ? track.Low : low;
            high += track.High;
            openEnded |= track.OpenEnded;
        }

        return new TimeToRecover(companyId, function.Id, low, high, openEnded, steps, assumptions);
    }

    /// <summary>The steps of one supplier run one after another: the total is their sum.</summary>
    private static TimeToRecover Finish(string companyId, string functionId, List<RecoveryStep> steps, List<string> assumptions)
    {
        var total = steps.Aggregate(default(DurationRange), (sum, s) => sum + s.Duration);
        return new TimeToRecover(companyId, functionId, total.Low, total.High, steps.Any(s => s.OpenEnded), steps, assumptions);
    }

    private static void AddSupplierSteps(RecoveryPlanBuilder plan, Supplier supplier, SiteFunction function, RecoveryFacts facts)
    {
        if (supplier.Via is { } via)
        {
            // The site does not buy this service: it can only wait, or move off the provider that relies on it.
            plan.Assume($"{supplier.CompanyName} serves {via.CompanyName} ({via.Service}), not the site: the site recovers when {via.CompanyName} restores its own {supplier.Service} (no deadline), or by moving off {via.CompanyName}; the steps are those of moving off");
            AddSupplierSteps(plan, via, function, facts);
            return;
        }

        switch (supplier.Layer)
        {
            case Layer.Registration when Is(supplier, "registry"):
                plan.Step("the TLD registry itself ended service: the name cannot move; register a name under another TLD, set it up and redirect readers", DurationRange.Days(1, 14), openEnded: true)
                    .Assume("readers and links keep using the old name; recovering them has no deadline");
                break;
            case Layer.Registration:
                RegistrationSteps.AddTransfer(plan, facts);
                break;
            case Layer.Dns:
                DnsSteps(plan, supplier, facts);
                break;
            case Layer.Hosting:
                HostingSteps(plan, facts);
                break;
            case Layer.Cdn:
                CdnSteps(plan, facts);
                break;
            case Layer.Tls:
                TlsSteps(plan, supplier, facts);
                break;
            case Layer.Mail:
                MailSteps(plan, function, facts);
                break;
            case Layer.Money:
                MoneySteps.Add(plan, supplier, facts);
                break;
            case Layer.Page:
                PageSteps(plan, supplier);
                break;
            default:
                plan.Step($"replace {supplier.Describe()}", DurationRange.Hours(1, 72))
                    .Assume($"no specific rule for layer {supplier.Layer}: generic range");
                break;
        }
    }

    private static void DnsSteps(RecoveryPlanBuilder plan, Supplier supplier, RecoveryFacts facts)
    {
        switch (facts.ZoneCopyAvailable)
        {
            case true:
                plan.Step("sign up with a new DNS provider and import the zone file kept as a copy", DurationRange.Hours(1, 4));
                break;
            case false:
                plan.Step("sign up with a new DNS provider and rebuild the zone by hand (no copy kept)", DurationRange.Hours(2, 8));
                break;
            default:
                plan.Step("sign up with a new DNS provider and import or rebuild the zone", DurationRange.Hours(1, 8))
                    .Assume("unknown whether a copy of the zone is kept: 1-4 h with a copy, 2-8 h rebuilding by hand");
                break;
        }

        if (facts.RegistrarCompanyId is { } registrar && registrar == supplier.CompanyId)
        {
            plan.Assume($"{supplier.Name} is also the registrar: the name must move to another registrar before its nameservers can change");
            RegistrationSteps.AddTransfer(plan, facts);
        }
        else if (facts.RegistrarCompanyId is null)
        {
            plan.Assume("registrar unknown: assumed to be a different company that still serves the site");
        }

        RegistrationSteps.AddUpdateLocks(plan, facts);
        plan.Step("change the NS records at the registrar to the new provider's nameservers", DurationRange.Minutes(5, 30));

        switch (facts.DnssecSigned)
        {
            case true:
                plan.Step("replace or remove the DS record at the registrar (the old provider's keys stop validating)", DurationRange.Minutes(5, 30));
                break;
            case null:
                plan.Assume("DNSSEC unknown: if the zone is signed, the DS record at the registrar must change too (minutes, within the same wait)");
                break;
            default:
                break;
        }

        plan.TtlWait("parent NS delegation", facts.ParentNsTtl, AssumedParentNsTtl, "the .com and .net delegation TTL");
    }

    private static void HostingSteps(RecoveryPlanBuilder plan, RecoveryFacts facts)
    {
        switch (facts.OffsiteBackupAvailable)
        {
            case true:
                plan.Step("provision a server at another host and restore the off-site backup", DurationRange.Hours(2, 24));
                break;
            case false:
                plan.Step("rebuild the site at another host without a backup", DurationRange.Days(2, 14), openEnded: true);
                break;
            default:
                plan.Step("provision a server at another host and restore or rebuild the site", DurationRange.Hours(2, 14 * 24))
                    .Assume("unknown whether an off-site backup exists: 2-24 h with one, days to weeks without");
                break;
        }

        plan.Step("point the A/AAAA records (or the CDN's origin) at the new host", DurationRange.Minutes(5, 15))
            .TtlWait("A/AAAA records", facts.RecordTtl, AssumedRecordTtl, "record TTLs are usually 5 minutes to 1 day");
    }

    private static void CdnSteps(RecoveryPlanBuilder plan, RecoveryFacts facts)
    {
        switch (facts.OriginReachableDirectly)
        {
            case true:
                plan.Step("point the site's records at the origin directly, bypassing the CDN", DurationRange.Minutes(5, 30))
                    .Assume("the origin then serves readers without caching or DDoS protection and needs its own certificate for the name");
                break;
            case false:
                plan.Step("set up another CDN (or open the origin to the public) and configure it", DurationRange.Hours(2, 24));
                break;
            default:
                plan.Step("bypass the CDN if the origin can serve directly, else set up another CDN", DurationRange.Minutes(5, 24 * 60))
                    .Assume("unknown whether the origin can serve readers directly: minutes if it can, 2-24 h to set up another CDN if not");
                break;
        }

        plan.TtlWait("CNAME/A records", facts.RecordTtl, AssumedRecordTtl, "record TTLs are usually 5 minutes to 1 day");
    }

    private static void TlsSteps(RecoveryPlanBuilder plan, Supplier supplier, RecoveryFacts facts)
    {
        // A CAA set that already allows a CA of another company needs no change: the switch is a re-issue only.
        var another = facts.CaaIssuers is null ? facts.CaaAllowsAnotherCa : CaaIssuerDomains.AllowAnotherThan(supplier.CompanyId, facts.CaaIssuers);
        switch (another)
        {
            case false:
                plan.Step("add the new CA's issuer domain to the CAA records", DurationRange.Minutes(5, 30))
                    .TtlWait("CAA records", facts.RecordTtl, AssumedRecordTtl, "record TTLs are usually 5 minutes to 1 day");
                break;
            case null:
                plan.Step("check the CAA records and add the new CA if they list only the old one", DurationRange.Minutes(0, 30))
                    .Assume("CAA unknown: if it names only the old CA it must change first, and the new CA may see the old record until its TTL expires");
                break;
            default:
                plan.Assume(facts.CaaIssuers is { Count: > 0 } issuers
                    ? $"CAA already allows another CA ({string.Join(", ", CaaIssuerDomains.OthersThan(supplier.CompanyId, issuers))}): no CAA change is needed"
                    : "no CAA records: any CA may issue, no CAA change is needed");
                break;
        }

        switch (facts.AcmeAutomated)
        {
            case true:
                plan.Step("point the ACME client at another CA and issue a certificate", DurationRange.Minutes(15, 120));
                break;
            case false:
                plan.Step("obtain a certificate from another CA by hand and install it (DV: hours; OV/EV: days)", DurationRange.Hours(1, 5 * 24));
                break;
            default:
                plan.Step("issue a certificate from another CA (ACME: minutes; by hand: hours to days)", DurationRange.Minutes(15, 5 * 24 * 60))
                    .Assume("unknown whether issuance is automated (ACME)");
                break;
        }

        plan.Assume(facts.CertificateDaysRemaining switch
        {
            null => "the range assumes the certificate is revoked; if the CA only stops issuing, the current certificate keeps working until it expires (days remaining unknown)",
            < 0 => "the current certificate has already expired: HTTPS is failing now, whatever the CA does",
            var days => string.Create(CultureInfo.InvariantCulture,
                $"the range assumes the certificate is revoked; if the CA only stops issuing, the current certificate stays valid {days} more day{(days == 1 ? "" : "s")} and a switch within that window causes no outage"),
        });
    }

    private static void MailSteps(RecoveryPlanBuilder plan, SiteFunction function, RecoveryFacts facts)
    {
        plan.Step("sign up with another mail provider and verify the domain", DurationRange.Hours(1, 4));
        if (function.Id.Contains("sent", StringComparison.Ordinal))
        {
            plan.Step("publish the new provider's SPF include and DKIM keys", DurationRange.Minutes(5, 30));
        }
        else
        {
            plan.Step("change the MX records to the new provider", DurationRange.Minutes(5, 15))
                .Assume("senders keep retrying for 4-5 days (RFC 5321 section 4.5.4.1), so inbound mail is delayed, not lost, within that window");
        }

        plan.TtlWait("MX/TXT records", facts.RecordTtl, AssumedRecordTtl, "record TTLs are usually 5 minutes to 1 day");
        plan.Assume("mailbox contents are migrated separately and are not part of this range");
    }

    private static void PageSteps(RecoveryPlanBuilder plan, Supplier supplier)
    {
        if (Is(supplier, "video"))
        {
            plan.Step("re-upload the videos to another host and replace the embeds", DurationRange.Hours(2, 72));
        }
        else if (Is(supplier, "script-cdn"))
        {
            plan.Step("serve the scripts from the site itself or another CDN and update the page", DurationRange.Minutes(15, 240));
        }
        else
        {
            plan.Step($"replace or remove the {supplier.Service} embed", DurationRange.Minutes(30, 24 * 60));
        }
    }

    internal static bool Is(Supplier supplier, string service) =>
        string.Equals(supplier.Service, service, StringComparison.OrdinalIgnoreCase);
}
