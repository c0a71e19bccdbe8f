using System.Globalization;
using Chokepoint.Analysis.Model;

namespace Chokepoint.Analysis.Recovery;

/// <summary>Steps for replacing a revenue provider.</summary>
internal static class MoneySteps
{
    public static void Add(RecoveryPlanBuilder plan, Supplier supplier, RecoveryFacts facts)
    {
        switch (supplier.Service.ToUpperInvariant())
        {
            case "ADS":
                plan.Step("apply to another ad network and pass its review", DurationRange.Days(1, 14), openEnded: true)
                    .Step("place its tags and add its line to ads.txt", DurationRange.Hours(1, 4));
                break;
            case "AFFILIATE":
                plan.Step("join other affiliate programmes and wait for approval", DurationRange.Days(1, 14), openEnded: true)
                    .Step("replace the affiliate links", DurationRange.Hours(1, 48));
                break;
            case "PAYMENTS":
                plan.Step("open an account with another payment processor (identity and business checks)", DurationRange.Days(1, 7), openEnded: true)
                    .Step("integrate its checkout", DurationRange.Hours(4, 72));
                break;
            case "DONATIONS":
                plan.Step("open an account with another donation processor", DurationRange.Days(1, 7), openEnded: true)
                    .Step("replace the donate buttons and links", DurationRange.Hours(1, 4));
                break;
            case "MEMBERSHIP":
            case "MEMBERSHIPS":
                plan.Step("set up memberships with another platform", DurationRange.Days(1, 7))
                    .Step("ask members to sign up again (some never do)", DurationRange.Days(7, 30), openEnded: true);
                break;
            default:
                plan.Step($"find and set up another {supplier.Service} provider", DurationRange.Days(1, 14), openEnded: true);
                break;
        }

        plan.Assume("balances held by the provider may be released later or not at all; this range covers earning again, not recovering funds");
        plan.Assume(facts.RevenuePathsRemaining switch
        {
            null => "other revenue paths unknown",
            0 => "no other revenue path: income stops until this is done",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} other revenue path(s) keep earning meanwhile: income drops, it does not stop"),
        });
    }
}
