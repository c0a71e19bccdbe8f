using Chokepoint.Model;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>Hand-built reports shaped like the demo sites' reports, for the Markdown and HTML view tests.</summary>
internal static class SampleReports
{
    public const string HostileProvider = "<script>alert('x')</script> DNS";

    private static readonly EntityRef Verisign = new("verisign", "VeriSign, Inc.", null);
    private static readonly EntityRef GoDaddy = new("godaddy", "GoDaddy Inc.", null);
    private static readonly EntityRef Fastly = new("fastly", "Fastly, Inc.", null);
    private static readonly EntityRef GlobalSign = new("globalsign", "GlobalSign nv-sa", "gmo-internet");
    private static readonly EntityRef Gmo = new("gmo-internet", "GMO Internet Group, Inc.", null);
    private static readonly EntityRef Microsoft = new("microsoft", "Microsoft Corporation", null);
    private static readonly EntityRef Google = new("google", "Google LLC", "alphabet");
    private static readonly EntityRef Alphabet = new("alphabet", "Alphabet Inc.", null);
    private static readonly EntityRef Magnite = new("magnite", "Magnite, Inc.", null);
    private static readonly EntityRef Ns1 = new("ns1", "NS1", "ibm");
    private static readonly EntityRef Ibm = new("ibm", "International Business Machines Corporation", null);

    /// <summary>
    /// A news site: .com at Verisign, GoDaddy registrar, DNS at GoDaddy and NS1 (a pair), Fastly CDN,
    /// GlobalSign certificate, Microsoft mail, Google ads plus a redundant ad exchange.
    /// </summary>
    public static AuditReport DemoLike(string domain = "dailyledger-news.com", string dnsProvider = "GoDaddy DNS") => new()
    {
        Domain = domain,
        CollectedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        Network = "chokepoint-demo",
        Grade = "F",
        GradeExplanation = "F: 3 companies can each alone break critical functions: godaddy (name-resolves, web-served, https-trusted); fastly (web-served, https-trusted); gmo-internet (https-trusted).",
        Layers =
        [
            new LayerReport
            {
                Layer = Layer.Registration,
                Dependencies =
                [
                    Dependency(Verisign, null, "registry", "Verisign", new Evidence("tld", "com", "com", "https://www.iana.org/domains/root/db/com.html")),
                    Dependency(GoDaddy, null, "registrar", "GoDaddy", new Evidence("registrar-iana", "146", "146", "https://www.iana.org/assignments/registrar-ids/registrar-ids.xhtml")),
                ],
            },
            new LayerReport
            {
                Layer = Layer.Dns,
                Dependencies =
                [
                    Dependency(GoDaddy, null, "dns", dnsProvider, new Evidence("ns", "ns45.domaincontrol.com", "domaincontrol.com", "https://www.godaddy.com/help/what-are-nameservers-12310")) with { Redundant = true },
                    Dependency(Ns1, Ibm, "dns", "NS1 Managed DNS", new Evidence("ns", "dns1.p01.nsone.net", "nsone.net", "https://ns1.com/")) with { Redundant = true },
                ],
            },
            new LayerReport
            {
                Layer = Layer.Hosting,
                Unobserved = [new UnobservedItem("hosting.origin", "the origin is hidden behind Fastly, Inc.; only the edge was seen")],
            },
            new LayerReport
            {
                Layer = Layer.Cdn,
                Dependencies =
                [
                    Dependency(
                        Fastly,
                        null,
                        "cdn",
                        "Fastly",
                        new Evidence("asn", "54113", "54113", "https://bgp.he.net/AS54113"),
                        new Evidence("cname", "dailyledger-news.global.ssl.fastly.net", "fastly.net", "https://www.fastly.com/documentation/reference/http/http-headers/")),
                ],
            },
            new LayerReport
            {
                Layer = Layer.Tls,
                Dependencies = [Dependency(GlobalSign, Gmo, "ca", "GlobalSign", new Evidence("issuer", "GlobalSign nv-sa", "GlobalSign nv-sa", "https://support.globalsign.com/"))],
                Unobserved = [new UnobservedItem("dns.caa", "the CAA lookup timed out after 5 s")],
            },
            new LayerReport
            {
                Layer = Layer.Mail,
                Dependencies = [Dependency(Microsoft, null, "mail", "Microsoft 365 (Exchange Online)", new Evidence("mx", "dailyledger-news-com.mail.protection.outlook.com"))],
            },
            new LayerReport { Layer = Layer.Page },
            new LayerReport
            {
                Layer = Layer.Money,
                Dependencies =
                [
                    Dependency(Google, Alphabet, "ads", "Google AdSense", new Evidence("resource-domain", "pagead2.googlesyndication.com", "googlesyndication.com", "https://support.google.com/adsense/answer/9274516")),
                    Dependency(Magnite, null, "ad-exchange", "Magnite (Rubicon Project)", new Evidence("ads-seller", "rubiconproject.com")) with { Redundant = true },
                ],
            },
        ],
        Functions =
        [
            Function("name-resolves", "The name resolves", "critical", ["godaddy", "verisign"], [["godaddy", "ibm"]]),
            Function("web-served", "Web pages are served", "critical", ["fastly", "godaddy", "verisign"]),
            Function("https-trusted", "HTTPS is trusted", "critical", ["fastly", "gmo-internet", "godaddy", "verisign"]),
            Function("mail-received", "Mail is received", "high", ["godaddy", "microsoft", "verisign"]),
            Function("revenue:ads", "Advertising revenue", "high", ["alphabet", "fastly", "godaddy", "verisign"]),
        ],
        Chokepoints =
        [
            new ChokepointReport
            {
                Entity = GoDaddy,
                Functions = ["name-resolves", "web-served", "https-trusted", "mail-received", "revenue:ads"],
                Severity = Severity.Critical,
                Services = ["registrar"],
                TimeToRecover = new TimeToRecoverReport
                {
                    Low = TimeSpan.FromMinutes(65),
                    High = TimeSpan.FromDays(10),
                    Summary = "65 min - 10 days to restore \"The name resolves\"",
                    Steps =
                    [
                        "[registrar] get the transfer authorization code from the registrar: up to 5 days",
                        "[registrar] transfer to another registrar: up to 5 days",
                    ],
                    Assumptions = ["gTLD rules (ICANN Transfer Policy)"],
                },
                History =
                [
                    "godaddy ended service to customers 2 times at the registration layer",
                    "  2017-08-13 GoDaddy (registrar): Daily Stormer - terms of service",
                    "  2018-10-28 GoDaddy (registrar): gab.com - 24 hours' notice",
                ],
            },
            new ChokepointReport
            {
                Entity = Verisign,
                Functions = ["name-resolves", "web-served", "https-trusted", "mail-received", "revenue:ads"],
                Severity = Severity.Critical,
                Services = ["registry"],
                TimeToRecover = new TimeToRecoverReport { Summary = "1-14 days or longer to restore \"The name resolves\"", Steps = ["register a name under another TLD: 1-14 days"] },
            },
            new ChokepointReport { Entity = Fastly, Functions = ["web-served", "https-trusted", "revenue:ads"], Severity = Severity.Critical, Services = ["cdn"] },
            new ChokepointReport { Entity = Gmo, Functions = ["https-trusted"], Severity = Severity.Critical, Services = ["ca"], TimeToRecover = new TimeToRecoverReport { Summary = "60 min - 5 days" } },
            new ChokepointReport { Entity = Microsoft, Functions = ["mail-received"], Severity = Severity.High, Services = ["mail"], TimeToRecover = new TimeToRecoverReport { Summary = "1.1-28 h" } },
            new ChokepointReport { Entity = Alphabet, Functions = ["revenue:ads"], Severity = Severity.High, Services = ["ads"], TimeToRecover = new TimeToRecoverReport { Summary = "1-14 days" } },
        ],
    };

    /// <summary>The companies the sample's graph must show: every owner, plus every chokepoint.</summary>
    public static IReadOnlyList<string> CompanyIds(AuditReport report) =>
        report.Layers.SelectMany(layer => layer.Dependencies).Select(d => (d.Owner ?? d.Entity).Id)
            .Concat(report.Chokepoints.Select(c => c.Entity.Id))
            .Distinct(StringComparer.Ordinal).ToList();

    private static Dependency Dependency(EntityRef entity, EntityRef? owner, string service, string provider, params Evidence[] evidence) => new()
    {
        Entity = entity,
        Owner = owner,
        Service = Vocabulary.Parse<ServiceKind>(service),
        Provider = provider,
        Classification = Classification.ThirdParty,
        Evidence = [.. evidence],
    };

    private static FunctionReport Function(string id, string name, string importance, List<string> singles, List<List<string>>? pairs = null) => new()
    {
        Id = id,
        Name = name,
        Importance = Vocabulary.Parse<Importance>(importance),
        SinglePoints = singles,
        Pairs = pairs ?? [],
    };
}
