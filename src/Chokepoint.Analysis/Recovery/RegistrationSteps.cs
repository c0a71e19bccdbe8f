using System.Globalization;

namespace Chokepoint.Analysis.Recovery;

/// <summary>Steps for moving a name away from a registrar that ended service.</summary>
/// <seealso href="https://www.icann.org/resources/pages/transfer-policy-2016-06-01-en">ICANN Transfer Policy</seealso>
internal static class RegistrationSteps
{
    public static void AddTransfer(RecoveryPlanBuilder plan, RecoveryFacts facts)
    {
        var codes = facts.RegistrarStatusCodes;
        if (RegistrarStatus.Has(codes, RegistrarStatus.PendingDelete))
        {
            plan.Step("the name is pending delete: it cannot be restored or transferred; wait for it to be released and try to register it again", DurationRange.Days(5, 5), openEnded: true)
                .Assume("someone else may register the name first when it is released");
            return;
        }

        if (RegistrarStatus.Has(codes, RegistrarStatus.RedemptionPeriod))
        {
            plan.Step("the name is in its redemption period: only the current registrar can restore it", DurationRange.Days(1, 30), openEnded: true);
        }

        plan.Step(string.Create(CultureInfo.InvariantCulture, $"get the transfer authorization code from the registrar (it has {RecoveryEstimator.AuthCodeDays} calendar days to provide it)"),
            DurationRange.Days(0, RecoveryEstimator.AuthCodeDays));

        if (codes is null)
        {
            plan.Assume("registrar status codes unknown: a registry lock (serverTransferProhibited) or hold would add time with no deadline");
        }
        else if (RegistrarStatus.Has(codes, RegistrarStatus.ClientTransferProhibited))
        {
            plan.Step("have the registrar remove clientTransferProhibited", DurationRange.Hours(0, 24));
        }

        if (RegistrarStatus.Has(codes, RegistrarStatus.ServerTransferProhibited))
        {
            plan.Step("the registry lock (serverTransferProhibited) must be lifted by the registry on the registrar's request", DurationRange.Days(1, 14), openEnded: true);
        }

        switch (facts.DaysSinceLastRegistrarChange)
        {
            case { } days when days < RecoveryEstimator.TransferLockDays:
                var wait = RecoveryEstimator.TransferLockDays - days;
                plan.Step(string.Create(CultureInfo.InvariantCulture, $"wait out the {RecoveryEstimator.TransferLockDays}-day transfer lock after the last change ({days} days ago)"),
                    DurationRange.Days(wait, wait));
                break;
            case null:
                plan.Step(string.Create(CultureInfo.InvariantCulture, $"transfers are blocked {RecoveryEstimator.TransferLockDays} days after a registration, transfer or registrant change (date of last change unknown)"),
                    DurationRange.Days(0, RecoveryEstimator.TransferLockDays));
                plan.Assume("date of the last registrar change unknown: the 60-day lock may or may not apply");
                break;
            default:
                break;
        }

        plan.Step(string.Create(CultureInfo.InvariantCulture, $"transfer to another registrar: the losing registrar may approve at once, otherwise it completes after {RecoveryEstimator.TransferAutoApproveDays} days"),
            DurationRange.Days(0, RecoveryEstimator.TransferAutoApproveDays));

        if (RegistrarStatus.Has(codes, RegistrarStatus.ClientHold))
        {
            plan.Step("the new registrar removes clientHold so the name returns to the TLD zone", DurationRange.Minutes(5, 60));
        }

        if (RegistrarStatus.Has(codes, RegistrarStatus.ServerHold))
        {
            plan.Step("the registry must remove serverHold before the name resolves again", DurationRange.Days(1, 14), openEnded: true);
        }

        plan.Assume("gTLD rules (ICANN Transfer Policy); country-code TLDs set their own transfer rules");
    }

    public static void AddUpdateLocks(RecoveryPlanBuilder plan, RecoveryFacts facts)
    {
        if (RegistrarStatus.Has(facts.RegistrarStatusCodes, RegistrarStatus.ClientUpdateProhibited))
        {
            plan.Step("unlock the domain at the registrar (clientUpdateProhibited) so the nameservers can change", DurationRange.Minutes(5, 24 * 60));
        }

        if (RegistrarStatus.Has(facts.RegistrarStatusCodes, RegistrarStatus.ServerUpdateProhibited))
        {
            plan.Step("have the registrar ask the registry to lift serverUpdateProhibited (registry lock)", DurationRange.Hours(1, 72));
        }
    }
}
