using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>
/// Just enough of a PDF reader for Chromium's printed pages (objects written out, not packed in object streams):
/// the pages in order with their media boxes, and the named destinations (one per element id) with their page.
/// </summary>
/// <seealso href="https://opensource.adobe.com/dc-acrobat-sdk-docs/pdfstandards/PDF32000_2008.pdf"/>
internal sealed partial class PdfDocument
{
    private readonly Dictionary<string, int> destinations;

    private PdfDocument(IReadOnlyList<PdfPage> pages, Dictionary<string, int> destinations)
    {
        Pages = pages;
        this.destinations = destinations;
    }

    public IReadOnlyList<PdfPage> Pages { get; }

    public static PdfDocument Read(string path)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        var objects = new Dictionary<int, string>();
        foreach (Match match in ObjectPattern().Matches(text))
        {
            objects[int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture)] = match.Groups["body"].Value;
        }

        var root = objects.Values.First(body => PagesType().IsMatch(body) && !ParentPattern().IsMatch(body));
        var order = new List<int>();
        Expand(root, objects, order);
        var pages = order.Select(id => new PdfPage(id, MediaBox().Match(objects[id]).Groups["box"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        var index = order.Select((id, position) => (id, position)).ToDictionary(item => item.id, item => item.position);
        var destinations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match match in Destination().Matches(text))
        {
            var name = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["string"].Value;
            if (index.TryGetValue(int.Parse(match.Groups["page"].Value, CultureInfo.InvariantCulture), out var page))
            {
                destinations.TryAdd(name, page);
            }
        }

        return new PdfDocument(pages, destinations);
    }

    /// <summary>The page (0 for the first) a named destination points at; fails when there is none of that name.</summary>
    public int PageOf(string name)
    {
        Assert.True(destinations.TryGetValue(name, out var page), $"no destination {name}; the PDF names {string.Join(", ", destinations.Keys.Take(30))}");
        return page;
    }

    private static void Expand(string node, Dictionary<int, string> objects, List<int> order)
    {
        foreach (Match kid in KidReference().Matches(Kids().Match(node).Groups["kids"].Value))
        {
            var id = int.Parse(kid.Groups["id"].Value, CultureInfo.InvariantCulture);
            if (PagesType().IsMatch(objects[id]))
            {
                Expand(objects[id], objects, order);
            }
            else
            {
                order.Add(id);
            }
        }
    }

    [GeneratedRegex(@"(?<id>\d+) 0 obj(?<body>.*?)endobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/Type\s*/Pages\b")]
    private static partial Regex PagesType();

    [GeneratedRegex(@"/Parent\s+\d+ 0 R")]
    private static partial Regex ParentPattern();

    [GeneratedRegex(@"/Kids\s*\[(?<kids>[^\]]*)\]")]
    private static partial Regex Kids();

    [GeneratedRegex(@"(?<id>\d+) 0 R")]
    private static partial Regex KidReference();

    [GeneratedRegex(@"/MediaBox\s*\[(?<box>[^\]]*)\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"(?:/(?<name>[^\s/\[\]<>()]+)|\((?<string>[^)]*)\))\s*\[\s*(?<page>\d+) 0 R\s*/XYZ")]
    private static partial Regex Destination();
}

/// <summary>One page: its object number and media box (x0 y0 x1 y1, in points).</summary>
internal sealed record PdfPage(int Id, IReadOnlyList<string> MediaBox);
