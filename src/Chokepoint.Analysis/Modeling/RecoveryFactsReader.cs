using System.Globalization;
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
        var registrar = dependencies.FirstOrDefault(d => d.Dependency.Service == "registrar").Dependency;
        var dns = dependencies.Where(d => d.Layer == Layer.Dns).Select(d => d.Dependency).ToList();
        var ca = dependencies.FirstOrDefault(d => d.Dependency.Service == "ca").Dependency;
        var hostingLayer = report.Layers.FirstOrDefault(layer => layer.Layer == Layer.Hosting);
        var hasCdn = dependencies.Any(d => d.Layer == Layer.Cdn);
        var revenue = dependencies.Where(d => d.Layer == Layer.Money).Select(d => SiteModelBuilder.CompanyOf(d.Dependency)).Distinct(StringComparer.Ordinal).Count();

        return new RecoveryFacts
        {
            ParentNsTtl = dns.Select(d => d.Details.GetValueOrDefault("parentNsTtl")).OfType<string>().Select(Seconds).FirstOrDefault(t => t is not null),
            RegistrarStatusCodes = registrar?.Details.GetValueOrDefault("status") is { } status ? status.Split(", ") : null,
            DaysSinceLastRegistrarChange = registrar?.Details.GetValueOrDefault("lastChanged") is { } changed
                && DateTimeOffset.TryParse(changed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                && report.CollectedAt > date
                    ? (int)(report.CollectedAt - date).TotalDays
                    : null,
            RegistrarCompanyId = registrar is null ? null : SiteModelBuilder.CompanyOf(registrar),
            AcmeAutomated = ca?.Details.GetValueOrDefault("automatedIssuance") is { } automated ? automated.StartsWith("likely", StringComparison.Ordinal) : null,
            CaaAllowsAnotherCa = ca?.Details.GetValueOrDefault("caa") is { } caa && caa != "not observed"
                ? caa.StartsWith("none", StringComparison.Ordinal) || caa.Contains(',', StringComparison.Ordinal)
                : null,
            OriginReachableDirectly = hasCdn
                ? hostingLayer?.Dependencies.Any(d => d.Service == "hosting") == true ? true
                    : hostingLayer?.Unobserved.Any(u => u.What == "hosting.origin") == true ? false : null
                : null,
            RevenuePathsRemaining = revenue > 0 ? revenue - 1 : null,
        };
    }

    private static TimeSpan? Seconds(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
