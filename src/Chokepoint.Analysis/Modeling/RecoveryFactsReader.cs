using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Modeling;

/// <summary>Reads the facts recovery depends on from an attributed report; what was not observed stays unknown.</summary>
public static class RecoveryFactsReader
{
    /// <summary>The recovery facts of a report.</summary>
    public static RecoveryFacts Read(AuditReport report)
    {
        var dependencies = report.Layers.SelectMany(layer => layer.Dependencies.Select(d => (layer.Layer, Dependency: d))).ToList();
        var registrar = dependencies.FirstOrDefault(d => d.Dependency.Service == ServiceKind.Registrar).Dependency;
        var dns = dependencies.Where(d => d.Layer == Layer.Dns).Select(d => d.Dependency).ToList();
        var ca = dependencies.FirstOrDefault(d => d.Dependency.Service == ServiceKind.Ca).Dependency;
        var registration = registrar?.Facts?.Registrar;
        var certificate = ca?.Facts?.Certificates is [var first, ..] ? first : null;
        var caa = ca?.Facts?.Caa;
        var hostingLayer = report.Layers.FirstOrDefault(layer => layer.Layer == Layer.Hosting);
        var hasCdn = dependencies.Any(d => d.Layer == Layer.Cdn);
        var revenue = dependencies.Where(d => d.Layer == Layer.Money).Select(d => SiteModelBuilder.CompanyOf(d.Dependency)).Distinct(StringComparer.Ordinal).Count();

        return new RecoveryFacts
        {
            ParentNsTtl = dns.Select(d => d.Facts?.Delegation?.ParentNsTtl).FirstOrDefault(t => t is not null) is { } ttl ? TimeSpan.FromSeconds(ttl) : null,
            RegistrarStatusCodes = registration is { StatusCodes.Count: > 0 } ? registration.StatusCodes : null,
            DaysSinceLastRegistrarChange = registration?.LastChanged is { } changed && report.CollectedAt > changed
                ? (int)(report.CollectedAt - changed).TotalDays
                : null,
            RegistrarCompanyId = registrar is null ? null : SiteModelBuilder.CompanyOf(registrar),
            AcmeAutomated = certificate?.Automation.Likely,

            // Another CA may issue when the set names none (any CA may) or more than one; unseen stays unknown.
            CaaAllowsAnotherCa = caa is { Observed: true } ? caa.Issuers.Count != 1 : null,
            CaaIssuers = caa is { Observed: true } ? caa.Issuers : null,
            CertificateDaysRemaining = certificate is { NotAfter: var notAfter } && notAfter != default
                ? (int)Math.Floor((notAfter - report.CollectedAt).TotalDays)
                : null,
            OriginReachableDirectly = hasCdn
                ? hostingLayer?.Dependencies.Any(d => d.Service == ServiceKind.Hosting) == true ? true
                    : hostingLayer?.Unobserved.Any(u => u.What == "hosting.origin") == true ? false : null
                : null,
            RevenuePathsRemaining = revenue > 0 ? revenue - 1 : null,
        };
    }
}
