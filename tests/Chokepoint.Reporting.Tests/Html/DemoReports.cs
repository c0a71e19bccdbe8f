using System.Text.Json;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Mail;
using Chokepoint.Planning.Plans;
using Chokepoint.Planning.Zones;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>
/// Reports of the demo world's two densest sites (written by <c>chokepoint demo SITE --format json</c>, kept under
/// Html/Fixtures) and plans made from them by the real planner, with records and candidates to fill the artifacts.
/// </summary>
internal static class DemoReports
{
    public const string DailyLedger = "dailyledger-news.com";
    public const string TinyTeapot = "tinyteapot-shop.com";

    public static AuditReport Load(string site)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Html", "Fixtures", site + ".json"));
        return JsonSerializer.Deserialize<AuditReport>(json, ReportJson.Options) ?? throw new InvalidDataException(site);
    }

    /// <summary>The plan of a report, with a zone, a CAA set, MX entries and candidates from public provider pages.</summary>
    public static Plan PlanOf(AuditReport report)
    {
        var model = SiteModelBuilder.Build(report);
        var inputs = new PlanInputs
        {
            ZoneRecords = [ZoneRecord.A(report.Domain, 300, "192.0.2.10"), ZoneRecord.Cname("www." + report.Domain, 300, "edge.example.net")],
            CurrentCaa = [new CaaRecord(0, "issue", "globalsign.com")],
            CurrentCaIssuer = "globalsign.com",
            CurrentMx = [new MxEntry(10, "mx1." + report.Domain)],
            CaCandidates = [new ProviderCandidate("isrg", "Let's Encrypt", "letsencrypt.org", Source: "https://letsencrypt.org/docs/caa/")],
            DnsCandidates = [new ProviderCandidate("ibm", "NS1 Managed DNS", "dns1.p01.nsone.net", Hosts: ["dns1.p01.nsone.net", "dns2.p01.nsone.net"], Source: "https://ns1.com/")],
            BackupMxCandidates = [new ProviderCandidate("dyn", "Backup MX <b>&amp;</b>", "backup-mx.example.net", Source: "javascript:alert(1)")],
        };
        return Planner.Plan(model, ChokepointAnalysis.Analyze(model), inputs);
    }
}
