using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Chokepoint.Reporting.Html;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>
/// The report of the demo world's densest site, with its plan, in a real browser (Debian's headless Chromium):
/// screenshots at 1280 and 390 pixels and an A4 PDF, kept under artifacts/screenshots/ at the repository root so
/// they can be looked at, each checked for what it shows, not only that it was written.
/// </summary>
public sealed partial class ScreenshotTests
{
    private static readonly string Output = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "screenshots")).FullName;

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Screenshot_at_this_width_shows_the_rendered_report(int width)
    {
        HeadlessChromium.RequireInstalled();
        var file = await WritePageAsync();
        var png = Path.Combine(Output, $"{DemoReports.DailyLedger}-{width.ToString(CultureInfo.InvariantCulture)}.png");
        File.Delete(png);
        using var chromium = new HeadlessChromium();

        await chromium.ScreenshotAsync(file, png, width, 2400, CancellationToken.None);

        var image = PngImage.Read(png);
        Assert.Equal((width, 2400), (image.Width, image.Height));
        // A blank page is one colour with no ink; the report has text, coloured boxes and the graph.
        Assert.True(image.InkShare() > 0.05, $"{png}: only {image.InkShare():P1} of the pixels are not white");
        Assert.True(image.Colours() > 200, $"{png}: only {image.Colours()} colours");
    }

    [Fact]
    public async Task At_390_pixels_nothing_scrolls_sideways_and_the_copy_buttons_run_under_the_policy()
    {
        HeadlessChromium.RequireInstalled();
        var file = await WritePageAsync();
        using var chromium = new HeadlessChromium();

        // The page as shipped: its policy allows its one script by hash, which adds a button per artifact.
        var dom = await chromium.DumpDomAsync(file, CancellationToken.None, width: 390);
        var artifacts = Regex.Count(dom, "<pre class=\"artifact\"", RegexOptions.None, TimeSpan.FromSeconds(5));
        Assert.True(artifacts > 0, "the page has no artifact");
        Assert.Equal(artifacts, Regex.Count(dom, "<button type=\"button\" class=\"copy\"", RegexOptions.None, TimeSpan.FromSeconds(5)));

        // A probe page holds the report, unchanged, in a 390-pixel frame (its own viewport, whatever the window's
        // minimum width), measures the laid-out page and writes what it found into the DOM.
        var probe = Path.Combine(Output, "probe-390.html");
        await File.WriteAllTextAsync(probe, $"<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"page\" src=\"{Path.GetFileName(file)}\" style=\"width:390px;height:900px;border:0\"></iframe><script>{ProbeScript}</script></body></html>", CancellationToken.None);
        var measured = ProbeResult().Match(await chromium.DumpDomAsync(probe, CancellationToken.None, width: 800, "--allow-file-access-from-files"));
        File.Delete(probe);

        Assert.True(measured.Success, "the probe wrote no result");
        Assert.Equal(390, int.Parse(measured.Groups["client"].Value, CultureInfo.InvariantCulture));
        Assert.True(int.Parse(measured.Groups["scroll"].Value, CultureInfo.InvariantCulture) <= 390, $"the page scrolls sideways at 390 px: {measured.Value}");
        Assert.Equal("", measured.Groups["wide"].Value);
        Assert.Equal("", measured.Groups["outside"].Value);
        Assert.Equal("", measured.Groups["overlaps"].Value);
        Assert.True(int.Parse(measured.Groups["texts"].Value, CultureInfo.InvariantCulture) > 20);
    }

    [Fact]
    public async Task Printed_on_A4_the_first_page_holds_the_summary_and_the_graph()
    {
        HeadlessChromium.RequireInstalled();
        var file = await WritePageAsync();
        var pdf = Path.Combine(Output, $"{DemoReports.DailyLedger}.pdf");
        File.Delete(pdf);
        using var chromium = new HeadlessChromium();

        await chromium.PrintToPdfAsync(file, pdf, CancellationToken.None);

        var document = PdfDocument.Read(pdf);
        Assert.True(document.Pages.Count >= 3, $"{pdf} has {document.Pages.Count} pages; each section after the graph starts a page");
        // A4 is 210 x 297 mm, 595.3 x 841.9 points; Chromium rounds to whole CSS pixels.
        Assert.All(document.Pages, page => Assert.True(
            Math.Abs(Point(page.MediaBox[2]) - 595.3) < 2 && Math.Abs(Point(page.MediaBox[3]) - 841.9) < 2, $"page {page.Id} is {string.Join(' ', page.MediaBox)}, not A4"));
        // Chromium names a destination after every element id; where each lands says what page it is on.
        Assert.Equal(0, document.PageOf("first-steps"));
        Assert.Equal(0, document.PageOf("graph"));
        Assert.True(document.PageOf("chokepoints") >= 1, "the chokepoints do not start a new page");
        Assert.True(document.PageOf("plan") > document.PageOf("chokepoints"));
        Assert.True(document.PageOf("layers") > document.PageOf("plan"));
    }

    private const string ProbeScript = """
        window.addEventListener('load', function () {
        var doc = document.getElementById('page').contentDocument;
        var root = doc.documentElement;
        var wide = [];
        doc.querySelectorAll('body *').forEach(function (e) {
          var r = e.getBoundingClientRect();
          if (r.width > 0 && r.right > root.clientWidth + 1 && !e.closest('figure')) { wide.push(e.tagName + '.' + e.className); }
        });
        var outside = [], overlaps = [], boxes = [];
        doc.querySelectorAll('g.node').forEach(function (g) {
          var rect = g.querySelector('rect').getBBox();
          g.querySelectorAll('text').forEach(function (t) {
            var b = t.getBBox();
            if (b.x < rect.x || b.y < rect.y || b.x + b.width > rect.x + rect.width || b.y + b.height > rect.y + rect.height) { outside.push(g.dataset.id + ': ' + t.textContent); }
            boxes.push({ id: g.dataset.id + ': ' + t.textContent, b: b });
          });
        });
        for (var i = 0; i < boxes.length; i++) {
          for (var j = i + 1; j < boxes.length; j++) {
            var a = boxes[i].b, c = boxes[j].b;
            if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height) { overlaps.push(boxes[i].id + ' / ' + boxes[j].id); }
          }
        }
        var out = document.createElement('pre');
        out.id = 'probe';
        out.textContent = 'scroll=' + root.scrollWidth + ' client=' + root.clientWidth + ' texts=' + boxes.length + ' wide=[' + wide.slice(0, 5).join(', ') + '] outside=[' + outside.join(', ') + '] overlaps=[' + overlaps.join(', ') + ']';
        document.body.appendChild(out);
        });
        """;

    private static double Point(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static async Task<string> WritePageAsync()
    {
        var report = DemoReports.Load(DemoReports.DailyLedger);
        var file = Path.Combine(Output, DemoReports.DailyLedger + ".html");
        await File.WriteAllTextAsync(file, HtmlRenderer.Render(report, DemoReports.PlanOf(report)), Encoding.UTF8, CancellationToken.None);
        return file;
    }

    /// <summary>The repository root: the nearest folder above the test's base directory holding Chokepoint.slnx.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Chokepoint.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Chokepoint.slnx above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>")]
    private static partial Regex PolicyMeta();

    [GeneratedRegex(@"scroll=(?<scroll>\d+) client=(?<client>\d+) texts=(?<texts>\d+) wide=\[(?<wide>[^\]]*)\] outside=\[(?<outside>[^\]]*)\] overlaps=\[(?<overlaps>[^\]]*)\]")]
    private static partial Regex ProbeResult();
}
