using System.Text.RegularExpressions;
using Chokepoint.Model;
using Chokepoint.Reporting.Html;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>
/// Renders the HTML view in a real browser (Debian's headless Chromium) and keeps the screenshot under the test
/// output directory (artifacts/report-views/) so it can be looked at.
/// </summary>
public sealed partial class ChromiumRenderingTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Browser_renders_the_graph_and_a_screenshot_of_the_report()
    {
        HeadlessChromium.RequireInstalled();
        var report = SampleReports.DemoLike(dnsProvider: SampleReports.HostileProvider);
        var output = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "report-views")).FullName;
        var file = Path.Combine(output, "dailyledger-news.com.html");
        await File.WriteAllTextAsync(file, HtmlRenderer.Render(report), CancellationToken.None);
        using var chromium = new HeadlessChromium();

        var dom = await chromium.DumpDomAsync(file, CancellationToken.None);

        Assert.Contains("<svg", dom, StringComparison.Ordinal);
        Assert.Equal(report.Functions.Count, NodeCount(dom, "function"));
        Assert.Equal(report.Layers.Sum(layer => layer.Dependencies.Count), NodeCount(dom, "service"));
        Assert.Equal(SampleReports.CompanyIds(report).Count, NodeCount(dom, "company"));
        Assert.Equal(report.Chokepoints.Count, SinglePoint().Count(dom));
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; DNS", dom, StringComparison.Ordinal);

        var png = Path.Combine(output, "dailyledger-news.com.png");
        File.Delete(png);
        await chromium.ScreenshotAsync(file, png, 1280, 2000, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(png, CancellationToken.None);
        Assert.True(bytes.Length > 50_000, $"the screenshot {png} has only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
        Assert.Equal(1280, BigEndian(bytes, 16));
        Assert.Equal(2000, BigEndian(bytes, 20));
    }

    [Fact]
    public async Task Browser_renders_several_reports_in_one_page()
    {
        HeadlessChromium.RequireInstalled();
        AuditReport[] reports = [SampleReports.DemoLike(), SampleReports.DemoLike(domain: "second-demo.org") with { Grade = "D" }];
        var output = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "report-views")).FullName;
        var file = Path.Combine(output, "two-reports.html");
        await File.WriteAllTextAsync(file, HtmlRenderer.RenderMany(reports), CancellationToken.None);
        using var chromium = new HeadlessChromium();

        var dom = await chromium.DumpDomAsync(file, CancellationToken.None);

        Assert.Equal(2, Regex.Count(dom, "<svg ", RegexOptions.None, TimeSpan.FromSeconds(5)));
        Assert.Equal(2 * reports[0].Functions.Count, NodeCount(dom, "function"));
        Assert.Contains("href=\"#r2-report\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"r2-report\"", dom, StringComparison.Ordinal);
    }

    private static int NodeCount(string dom, string kind) =>
        Regex.Count(dom, $"data-node=\"{kind}\"", RegexOptions.None, TimeSpan.FromSeconds(5));

    private static int BigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    [GeneratedRegex("data-spof=\"true\"")]
    private static partial Regex SinglePoint();
}
