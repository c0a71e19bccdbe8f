using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;

namespace Chokepoint.Reporting.Tests.Concentration;

/// <summary>Concentration summaries built by hand, with counts whose shares and indices are easy to check.</summary>
internal static class ConcentrationSamples
{
    public const string HostileName = "<script>alert('x')</script> [click](javascript:alert(1)) | *bold* \u001b]0;owned\u0007\u001b[31mRed\u001b[0m\nsecond line";

    /// <summary>
    /// 10 sites (1 duplicate, 7 complete, 2 failed). DNS observed on 8: amazon 3, cloudflare 3, ns1 2, godaddy 1 (CR3 8/9,
    /// HHI 23/81); CDN observed on none; TLS observed on 8 with five CAs (HHI 17/81, not highly concentrated), one
    /// without a name. A company that breaks sites it is never used by (amplification undefined).
    /// </summary>
    public static ConcentrationReport Sample(string cloudflareName = "Cloudflare, Inc.", string? history = null) => new(
        Sites: 10,
        Duplicates: 1,
        Complete: 7,
        Failed: 2,
        Headlines:
        [
            new HeadlineMeasure("dns-cdn-ca", "DNS, CDN or CA", [Layer.Dns, Layer.Cdn, Layer.Tls], Dependent: 3, NotDependent: 5, Undetermined: 2),
            new HeadlineMeasure("any-layer", "Any layer", [Layer.Dns, Layer.Hosting, Layer.Cdn, Layer.Tls, Layer.Mail, Layer.Page, Layer.Money], Dependent: 6, NotDependent: 1, Undetermined: 3),
        ],
        Layers:
        [
            new LayerConcentration(Layer.Registration, 8, 2, 8, 8, Counts(("verisign", 6), ("pir", 2)), Counts(("verisign", 6), ("pir", 2))),
            new LayerConcentration(Layer.Dns, 8, 2, 7, 5,
                Counts(("cloudflare", 3), ("amazon", 3), ("ns1", 2), ("godaddy", 1)),
                Counts(("cloudflare", 3), ("amazon", 1), ("godaddy", 1))),
            new LayerConcentration(Layer.Cdn, 0, 10, 0, 0, Counts(), Counts()),
            new LayerConcentration(Layer.Tls, 8, 2, 8, 2,
                Counts(("letsencrypt", 2), ("digicert", 2), ("sectigo", 2), ("google-trust", 2), ("no-name-ca", 1)),
                Counts(("letsencrypt", 2))),
        ],
        Functions:
        [
            new FunctionConcentration("name-resolves", "The name resolves", 8, 2, 4, Counts(("cloudflare", 3), ("godaddy", 1))),
            new FunctionConcentration("revenue:ads", "Advertising revenue", 0, 3, 0, Counts()),
        ],
        Companies:
        [
            new CompanyConcentration("verisign", "VeriSign, Inc.", 6, 6, 6, 0, Counts(("name-resolves", 6)), [Layer.Registration], []),
            new CompanyConcentration("cloudflare", cloudflareName, 3, 4, 0, 1, Counts(("name-resolves", 3), ("pages-served", 4)), [Layer.Dns],
                [history ?? "2019-07-02: global outage after a bad WAF rule, 27 min", "2020-07-17: backbone outage, 27 min"]),
            new CompanyConcentration("ocsp-only", "", 0, 2, 0, 2, Counts(("https-trusted", 2)), [], []),
            new CompanyConcentration("amazon", "Amazon.com, Inc.", 3, 1, 0, 0, Counts(("name-resolves", 1)), [Layer.Dns, Layer.Hosting], []),
        ],
        Names: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["verisign"] = "VeriSign, Inc.",
            ["pir"] = "Public Interest Registry",
            ["cloudflare"] = cloudflareName,
            ["amazon"] = "Amazon.com, Inc.",
            ["ns1"] = "NS1",
            ["godaddy"] = "GoDaddy Inc.",
            ["letsencrypt"] = "ISRG (Let's Encrypt)",
            ["digicert"] = "DigiCert, Inc.",
            ["sectigo"] = "Sectigo Limited",
            ["google-trust"] = "Google Trust Services",
        });

    /// <summary>No site at all: every count 0, every dictionary empty, every layer with nothing observed.</summary>
    public static ConcentrationReport Empty() => new(
        0, 0, 0, 0,
        [new HeadlineMeasure("dns-cdn-ca", "DNS, CDN or CA", [Layer.Dns, Layer.Cdn, Layer.Tls], 0, 0, 0)],
        [.. Enum.GetValues<Layer>().Select(layer => new LayerConcentration(layer, 0, 0, 0, 0, Counts(), Counts()))],
        [new FunctionConcentration("name-resolves", "The name resolves", 0, 0, 0, Counts())],
        [],
        new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>A DNS layer observed on 100 sites with <paramref name="companies"/> companies, company i used by i + 1 sites.</summary>
    public static ConcentrationReport Many(int companies)
    {
        var uses = Enumerable.Range(0, companies).ToDictionary(i => $"dns-{i:00}", i => i + 1, StringComparer.Ordinal);
        return new ConcentrationReport(
            100, 0, 100, 0, [],
            [new LayerConcentration(Layer.Dns, 100, 0, 100, 50, uses, new Dictionary<string, int>(StringComparer.Ordinal) { ["dns-00"] = 1 })],
            [new FunctionConcentration("name-resolves", "The name resolves", 100, 0, 50, uses)],
            [.. Enumerable.Range(0, companies).Select(i => new CompanyConcentration($"dns-{i:00}", $"DNS company {i}", i + 1, i + 1, 0, 0, Counts(("name-resolves", i + 1)), [Layer.Dns], []))],
            uses.Keys.ToDictionary(id => id, id => "DNS company " + id[4..], StringComparer.Ordinal));
    }

    /// <summary>Counts at the limit of a 32-bit integer, whose sum overflows it.</summary>
    public static ConcentrationReport Huge() => new(
        int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue,
        [new HeadlineMeasure("dns-cdn-ca", "DNS, CDN or CA", [Layer.Dns], int.MaxValue, int.MaxValue, int.MaxValue)],
        [new LayerConcentration(Layer.Dns, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, Counts(("a", int.MaxValue), ("b", int.MaxValue)), Counts(("a", int.MaxValue)))],
        [new FunctionConcentration("name-resolves", "The name resolves", int.MaxValue, int.MaxValue, int.MaxValue, Counts(("a", int.MaxValue), ("b", int.MaxValue)))],
        [new CompanyConcentration("a", "A", int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, Counts(("name-resolves", int.MaxValue)), [Layer.Dns], [])],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "A", ["b"] = "B" });

    public static Dictionary<string, int> Counts(params (string Id, int Count)[] counts) =>
        counts.ToDictionary(pair => pair.Id, pair => pair.Count, StringComparer.Ordinal);
}
