using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Lists what an HTML page loads (scripts, frames, stylesheets, fonts, images, media, form targets, preconnect and
/// dns-prefetch hints, embeds) and where it links to. Parsing follows the HTML Living Standard through AngleSharp;
/// the walk over the tree is iterative and bounded, so deep nesting and pages with tens of thousands of elements
/// end with a bounded result that says what it left out.
/// </summary>
/// <seealso href="https://html.spec.whatwg.org/multipage/scripting.html#attr-script-async"/>
public static class HtmlResourceExtractor
{
    /// <summary>Resources listed per page.</summary>
    public const int DefaultMaxResources = 2_000;

    /// <summary>Links listed per page.</summary>
    public const int DefaultMaxLinks = 5_000;

    /// <summary>Elements examined per page.</summary>
    public const int DefaultMaxElements = 250_000;

    private const int MaxLinkText = 200;
    private const int MaxStyleChars = 256 * 1024;

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
    };

    /// <summary>Parses <paramref name="html"/> and lists its resources and links, resolved against <paramref name="pageUrl"/>.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="pageUrl">The URL the page was read from (after redirects); relative URLs resolve against it or a &lt;base href&gt;.</param>
    /// <param name="maxResources">Resources listed; further ones are counted in <see cref="HtmlExtraction.ResourcesDropped"/>.</param>
    /// <param name="maxLinks">Links listed; further ones are counted in <see cref="HtmlExtraction.LinksDropped"/>.</param>
    /// <param name="maxElements">Elements examined; further ones are counted in <see cref="HtmlExtraction.ElementsSkipped"/>.</param>
    /// <remarks>Container tags nested deeper than 256 levels are removed (their content kept) before parsing, and noted.</remarks>
    public static HtmlExtraction Extract(
        string html,
        Uri pageUrl,
        int maxResources = DefaultMaxResources,
        int maxLinks = DefaultMaxLinks,
        int maxElements = DefaultMaxElements)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);

        var (flattened, flattenedTags) = DeepNestingFlattener.Flatten(html);
        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument(flattened);
        var walker = new Walker(pageUrl, maxResources, maxLinks);
        var baseElement = document.Head?.QuerySelector("base[href]");
        if (baseElement?.GetAttribute("href") is { } baseHref && Uri.TryCreate(pageUrl, baseHref.Trim(), out var baseUrl)
            && (baseUrl.Scheme == Uri.UriSchemeHttp || baseUrl.Scheme == Uri.UriSchemeHttps))
        {
            walker.BaseUrl = baseUrl;
        }

        var visited = 0;
        var skipped = 0;
        var stack = new Stack<IElement>();
        var children = new List<IElement>();
        if (document.DocumentElement is { } root)
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (visited >= maxElements)
            {
                skipped++;
            }
            else
            {
                visited++;
                walker.Visit(element);
            }

            children.Clear();
            foreach (var child in element.ChildNodes)
            {
                if (child is IElement childElement)
                {
                    children.Add(childElement);
                }
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        var notes = new List<string>();
        var page = pageUrl.AbsoluteUri;
        if (flattenedTags > 0)
        {
            notes.Add($"{page}: {N(flattenedTags)} elements nested deeper than {DeepNestingFlattener.DefaultMaxDepth} levels lost their tags (their content was kept)");
        }

        if (skipped > 0)
        {
            notes.Add($"{page}: examined the first {N(maxElements)} elements; {N(skipped)} more were not examined");
        }

        if (walker.ResourcesDropped > 0)
        {
            notes.Add($"{page}: listed the first {N(maxResources)} resources; {N(walker.ResourcesDropped)} more were not listed");
        }

        if (walker.LinksDropped > 0)
        {
            notes.Add($"{page}: listed the first {N(maxLinks)} links; {N(walker.LinksDropped)} more were not listed");
        }

        return new HtmlExtraction
        {
            Resources = walker.Resources,
            Links = walker.Links,
            ResourcesDropped = walker.ResourcesDropped,
            LinksDropped = walker.LinksDropped,
            ElementsVisited = visited,
            ElementsSkipped = skipped,
            Notes = notes,
        };
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Collects resources and links from elements visited in document order.</summary>
    private sealed class Walker(Uri pageUrl, int maxResources, int maxLinks)
    {
        private readonly HashSet<(string Url, string Kind)> seenResources = [];
        private readonly HashSet<string> seenLinks = new(StringComparer.Ordinal);
        private readonly string page = pageUrl.AbsoluteUri;
        private int styleCharsRead;

        public Uri? BaseUrl { get; set; }

        public List<PageResource> Resources { get; } = [];

        public List<PageLink> Links { get; } = [];

        public int ResourcesDropped { get; private set; }

        public int LinksDropped { get; private set; }

        public void Visit(IElement element)
        {
            switch (element.LocalName)
            {
                case "script":
                    VisitScript(element);
                    break;
                case "link":
                    VisitLink(element);
                    break;
                case "iframe":
                case "frame":
                    Add(element.GetAttribute("src"), "iframe");
                    break;
                case "img":
                    Add(element.GetAttribute("src"), "image");
                    Add(FirstSrcset(element.GetAttribute("srcset")), "image");
                    break;
                case "video":
                case "audio":
                    Add(element.GetAttribute("src"), "media");
                    Add(element.GetAttribute("poster"), "image");
                    break;
                case "source":
                    if (element.ParentElement?.LocalName == "picture")
                    {
                        Add(FirstSrcset(element.GetAttribute("srcset")), "image");
                    }
                    else
                    {
                        Add(element.GetAttribute("src"), "media");
                    }

                    break;
                case "track":
                    Add(element.GetAttribute("src"), "media");
                    break;
                case "form":
                    Add(element.GetAttribute("action"), "form");
                    break;
                case "embed":
                    Add(element.GetAttribute("src"), "embed");
                    break;
                case "object":
                    Add(element.GetAttribute("data"), "embed");
                    break;
                case "style":
                    VisitStyle(element);
                    break;
                case "a":
                case "area":
                    AddLink(element);
                    break;
                default:
                    break;
            }
        }

        private void VisitScript(IElement element)
        {
            var src = element.GetAttribute("src");
            if (src is null)
            {
                return;
            }

            var type = (element.GetAttribute("type") ?? "").Trim().ToLowerInvariant();
            var isModule = type == "module";
            var isClassic = type.Length == 0 || type.Contains("javascript", StringComparison.Ordinal)
                || type.Contains("ecmascript", StringComparison.Ordinal) || type is "text/jsx" or "text/babel";
            if (!isModule && !isClassic)
            {
                return; // A data block (JSON, templates): browsers do not fetch it.
            }

            var blocking = !isModule && !element.HasAttribute("async") && !element.HasAttribute("defer");
            Add(src, "script", blocking);
        }

        private void VisitLink(IElement element)
        {
            var href = element.GetAttribute("href");
            var rels = (element.GetAttribute("rel") ?? "").ToLowerInvariant()
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            foreach (var rel in rels)
            {
                switch (rel)
                {
                    case "stylesheet":
                        Add(href, "stylesheet");
                        break;
                    case "preconnect":
                        Add(href, "preconnect");
                        break;
                    case "dns-prefetch":
                        Add(href, "dns-prefetch");
                        break;
                    case "modulepreload":
                        Add(href, "script");
                        break;
                    case "icon":
                    case "apple-touch-icon":
                        Add(href, "image");
                        break;
                    case "preload":
                    case "prefetch":
                        var kind = (element.GetAttribute("as") ?? "").Trim().ToLowerInvariant() switch
                        {
                            "font" => "font",
                            "script" => "script",
                            "style" => "stylesheet",
                            "image" => "image",
                            "video" or "audio" or "track" => "media",
                            "fetch" => "xhr",
                            "document" or "iframe" => "iframe",
                            _ => null,
                        };
                        if (kind is not null)
                        {
                            Add(href, kind);
                        }

                        break;
                    default:
                        break;
                }
            }
        }

        /// <summary>Finds <c>url()</c>s inside <c>@font-face</c> rules and <c>@import</c>s in an inline stylesheet.</summary>
        private void VisitStyle(IElement element)
        {
            if (styleCharsRead >= MaxStyleChars)
            {
                return;
            }

            var css = element.TextContent;
            if (css.Length > MaxStyleChars - styleCharsRead)
            {
                css = css[..(MaxStyleChars - styleCharsRead)];
            }

            styleCharsRead += css.Length;
            foreach (var (url, kind) in CssUrls.Find(css))
            {
                Add(url, kind);
            }
        }

        private void AddLink(IElement element)
        {
            var href = element.GetAttribute("href");
            if (Resolve(href) is not { } url)
            {
                return;
            }

            var key = url.AbsoluteUri;
            if (!seenLinks.Add(key))
            {
                return;
            }

            if (Links.Count >= maxLinks)
            {
                LinksDropped++;
                return;
            }

            var text = LinkText(element);
            Links.Add(new PageLink
            {
                Url = key,
                Host = HostOf(url),
                Text = text,
                AffiliateTag = AffiliateLinkParser.Parse(url)?.Tag,
                FoundOn = page,
            });
        }

        private void Add(string? value, string kind, bool blocking = false)
        {
            if (Resolve(value) is not { } url)
            {
                return;
            }

            var key = url.AbsoluteUri;
            if (!seenResources.Add((key, kind)))
            {
                return;
            }

            if (Resources.Count >= maxResources)
            {
                ResourcesDropped++;
                return;
            }

            Resources.Add(new PageResource
            {
                Url = key,
                Host = HostOf(url),
                Kind = kind,
                Blocking = blocking,
                FoundOn = page,
            });
        }

        private Uri? Resolve(string? value)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 8192)
            {
                return null;
            }

            return Uri.TryCreate(BaseUrl ?? pageUrl, value.Trim(), out var url)
                   && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                   && url.Host.Length > 0
                   && UrlHost.Of(url) is not null
                ? url
                : null;
        }

        /// <summary>The host of a URL <see cref="Resolve"/> accepted (so one whose host is readable).</summary>
        private static string HostOf(Uri url) => UrlHost.Of(url) ?? "";

        private static string? FirstSrcset(string? srcset)
        {
            if (string.IsNullOrWhiteSpace(srcset))
            {
                return null;
            }

            var first = srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return first?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        }

        /// <summary>The link's visible text (whitespace collapsed, cut short), or its label, title or image alt text.</summary>
        private static string? LinkText(IElement element)
        {
            var text = new StringBuilder();
            var stack = new Stack<INode>();
            stack.Push(element);
            string? alt = null;
            var budget = 10_000;
            while (stack.Count > 0 && text.Length < MaxLinkText && budget-- > 0)
            {
                var node = stack.Pop();
                if (node is IText textNode)
                {
                    AppendCollapsed(text, textNode.Data);
                    continue;
                }

                if (node is IElement { LocalName: "img" } image)
                {
                    alt ??= image.GetAttribute("alt");
                }

                var childNodes = node.ChildNodes;
                for (var i = childNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(childNodes[i]);
                }
            }

            var result = text.ToString().Trim();
            if (result.Length > MaxLinkText)
            {
                result = result[..MaxLinkText];
            }

            if (result.Length == 0)
            {
                result = (element.GetAttribute("aria-label") ?? element.GetAttribute("title") ?? alt ?? "").Trim();
            }

            return result.Length == 0 ? null : result;
        }

        private static void AppendCollapsed(StringBuilder text, string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (text.Length > 0 && text[^1] != ' ')
                    {
                        text.Append(' ');
                    }
                }
                else
                {
                    text.Append(c);
                }

                if (text.Length >= MaxLinkText)
                {
                    return;
                }
            }
        }
    }
}
