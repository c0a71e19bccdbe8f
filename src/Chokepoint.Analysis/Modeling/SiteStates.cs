using System.Globalization;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Modeling;

/// <summary>
/// The banners of a report (<see cref="AuditReport.Status"/>), read from its typed facts and gaps: the domain does not
/// exist, is on hold (and by whom), is pending delete, in redemption or expired; the resolver answered nothing; the
/// time budget cut the collection. docs/analysis.md, "State banners".
/// </summary>
public static class SiteStates
{
    /// <summary>States that take the site off the internet, or leave nothing to grade: the grade is withheld.</summary>
    public static bool Withholds(SiteStateKind kind) => kind is SiteStateKind.DoesNotExist or SiteStateKind.OnHold
        or SiteStateKind.PendingDelete or SiteStateKind.Redemption or SiteStateKind.ResolverSilent;

    /// <summary>Why a state withholds the grade, in the few words the grade explanation uses.</summary>
    public static string WithheldBecause(SiteState state) => state.Kind switch
    {
        SiteStateKind.DoesNotExist => "the domain does not exist",
        SiteStateKind.OnHold => "the domain is on hold and offline now",
        SiteStateKind.PendingDelete => "the domain is pending delete",
        SiteStateKind.Redemption => "the domain is in its redemption period and offline",
        SiteStateKind.ResolverSilent => "DNS was not observed: no query was answered",
        _ => state.Text,
    };

    /// <summary>The states of the site the report shows, most serious first.</summary>
    public static IReadOnlyList<SiteState> Read(AuditReport report)
    {
        var states = new List<SiteState>();
        var registration = report.Layers.FirstOrDefault(l => l.Layer == Layer.Registration);
        var registrarDependency = registration?.Dependencies.FirstOrDefault(d => d.Service == ServiceKind.Registrar);
        var registryDependency = registration?.Dependencies.FirstOrDefault(d => d.Service == ServiceKind.Registry);
        var facts = registrarDependency?.Facts?.Registrar;
        var codes = facts?.StatusCodes.Select(Normalize).ToHashSet(StringComparer.Ordinal) ?? [];
        var registrar = registrarDependency is null ? null : registrarDependency.Provider ?? registrarDependency.Entity.Name;
        var registry = registryDependency is null ? null : registryDependency.Provider ?? registryDependency.Entity.Name;
        var absent = report.Layers.SelectMany(l => l.Absent).ToList();
        var notDelegated = absent.Any(a => a.What == "dns.ns.parent");
        var rdapHasNoRecord = absent.Any(a => a.What.StartsWith("rdap", StringComparison.Ordinal));

        var clientHold = codes.Contains("clienthold");
        var serverHold = codes.Contains("serverhold");
        if (clientHold || serverHold)
        {
            var holds = string.Join(" and ", new[] { clientHold ? "clientHold" : null, serverHold ? "serverHold" : null }.OfType<string>());
            var by = clientHold ? registrar is null ? "the registrar" : $"the registrar {registrar}" : registry is null ? "the registry" : $"the registry {registry}";
            var contact = clientHold ? facts?.AbuseEmail : null;
            states.Add(new SiteState
            {
                Kind = SiteStateKind.OnHold,
                Text = $"{report.Domain} is on hold ({holds}, set by {by}): the registry has taken it out of the .{Tld(report.Domain)} zone, so it does not resolve and is offline now" +
                       (contact is null ? string.Empty : $"; contact {contact}"),
                By = clientHold ? registrar : registry,
                Contact = contact,
            });
        }
        else if (notDelegated && (rdapHasNoRecord || registrarDependency is null))
        {
            states.Add(new SiteState
            {
                Kind = SiteStateKind.DoesNotExist,
                Text = $"{report.Domain} does not exist: the .{Tld(report.Domain)} registry answers NXDOMAIN" +
                       (rdapHasNoRecord ? " and its RDAP service has no record of it" : string.Empty) +
                       "; nothing depends on it yet (it may be registered by anyone)",
                By = registry,
            });
        }

        if (codes.Contains("pendingdelete"))
        {
            states.Add(new SiteState
            {
                Kind = SiteStateKind.PendingDelete,
                Text = $"{report.Domain} is pending delete (pendingDelete): the registry will release the name; it can no longer be renewed or restored",
                By = registry,
            });
        }

        if (codes.Contains("redemptionperiod"))
        {
            states.Add(new SiteState
            {
                Kind = SiteStateKind.Redemption,
                Text = $"{report.Domain} is in its redemption period (redemptionPeriod): the registrar has deleted it; it is offline until restored through {(registrar ?? "the registrar")}, for a fee",
                By = registrar,
                Contact = facts?.AbuseEmail,
            });
        }

        if (facts?.Expires is { } expires && expires < report.CollectedAt && report.CollectedAt != default)
        {
            states.Add(new SiteState
            {
                Kind = SiteStateKind.Expired,
                Text = string.Create(CultureInfo.InvariantCulture, $"{report.Domain}'s registration expired on {expires:yyyy-MM-dd}: renew it at {(registrar ?? "the registrar")} before the registrar deletes it or parks it"),
                By = registrar,
                Contact = facts.AbuseEmail,
            });
        }

        var dnsGaps = report.Layers.SelectMany(l => l.Unobserved)
            .Where(u => u.Kind is not null)
            .Where(u => (u.Subject ?? u.What).StartsWith("dns", StringComparison.Ordinal) || (u.Subject ?? u.What).StartsWith("host", StringComparison.Ordinal) || (u.Subject ?? u.What).StartsWith("mail", StringComparison.Ordinal))
            .ToList();
        var answered = absent.Count > 0
            || report.Layers.Any(l => l.Layer is Layer.Hosting or Layer.Cdn or Layer.Mail && l.Dependencies.Count > 0)
            || report.Layers.Where(l => l.Layer == Layer.Dns).SelectMany(l => l.Dependencies)
                .Any(d => d.Facts?.Delegation is { } delegation && (delegation.ParentNsTtl is not null || delegation.ChildNsTtl is not null || delegation.Soa is not null));
        if (dnsGaps.Count > 0 && dnsGaps.All(u => u.Kind is "timeout" or "connection-failed") && !answered && states.All(s => s.Kind != SiteStateKind.OnHold))
        {
            states.Add(new SiteState
            {
                Kind = SiteStateKind.ResolverSilent,
                Text = $"no DNS query was answered: the resolver or every nameserver stayed silent ({dnsGaps[0].Reason}); nothing about {report.Domain}'s DNS, hosting or mail could be seen",
            });
        }

        var cut = report.Layers.SelectMany(l => l.Unobserved).Where(u => u.Kind == "budget-spent").Select(u => u.What).Distinct(StringComparer.Ordinal).ToList();
        if (cut.Count > 0)
        {
            states.Add(new SiteState
            {
                Kind = SiteStateKind.BudgetCut,
                Text = string.Create(CultureInfo.InvariantCulture, $"the collection was cut by its time budget: {cut.Count} probe{(cut.Count == 1 ? string.Empty : "s")} did not finish ({string.Join(", ", cut.Take(4))}{(cut.Count > 4 ? ", ..." : string.Empty)}); give a larger --timeout to see them"),
            });
        }

        return states;
    }

    private static string Normalize(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string Tld(string domain) => domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
