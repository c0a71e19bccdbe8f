using Chokepoint.Collection.Page;
using CsCheck;

namespace Chokepoint.Collection.Tests.Fuzzing;

/// <summary>
/// The affiliate link parser and the HTML resource extractor on hostile input: never an exception; the extractor's
/// lists stay within their limits and in proportion to the markup.
/// </summary>
public sealed class PageParserProperties
{
    private static readonly Gen<string> HostLabel = Gen.OneOf(
        Gen.OneOf("amazon", "amzn", "ebay", "rover", "anrdoezrs", "sjv", "awin1", "shareasale", "hop", "clickbank", "etsy", "www", "go", "s\u063Cop", "xn--", "xn--zz", "\u00e9", "a-", "-a", "", "\u0661\u0662a"),
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-\u00e9\u0645\u200d"], 0, 10]);

    private static readonly Gen<string> Host = Gen.Select(HostLabel.Array[1, 4], Gen.OneOf("com", "co.uk", "to", "net", "io", "de", "sg"))
        .Select((labels, suffix) => string.Join('.', labels) + "." + suffix);

    private static readonly Gen<string> Query = Gen.Select(
            Gen.OneOf("tag", "campid", "mkcid", "pid", "aid", "sid", "affid", "irgwc", "subid", "ref", "u1", "", "%00", "tag%3D"),
            Gen.String[Gen.Char["abc123-_%&=?#/\u00e9"], 0, 16])
        .Array[0, 5].Select(pairs => string.Join('&', pairs.Select(p => p.Item1 + "=" + p.Item2)));

    private static readonly Gen<string> Url = Gen.Select(
            Gen.OneOf("https://", "http://", "HTTPS://", "ftp://", "//", "javascript:", "https:/", ""),
            Host,
            Gen.OneOf("", ":443", ":0", ":99999", ":x"),
            Gen.OneOf("/", "/dp/B000", "/click-123-456", "/itm/1", "/c/1/2/3", "/x/y", "/%2e%2e/", ""),
            Query)
        .Select((scheme, host, port, path, query) => $"{scheme}{host}{port}{path}?{query}");

    [Fact]
    public void Affiliate_urls_never_throw() =>
        Gen.OneOf(Url, Gen.String).Sample(url => Mutations.Timed(() => AffiliateLinkParser.Parse(url)), iter: Fuzz.Iterations(2000));

    private static readonly Gen<string> Element = Gen.Select(
            Gen.OneOf("script", "link", "img", "iframe", "a", "base", "video", "source", "style", "form", "div", "object", "embed", "meta", "svg", "use"),
            Gen.OneOf("src", "href", "srcset", "data-src", "action", "content", "poster", "style", "rel", "xlink:href"),
            Gen.OneOf(Url, Gen.OneOf("stylesheet", "preconnect", "url(//x.example/a.png) 1x, b.png 2x", "background:url('https://\u00e9\u063C.example/')", "")))
        .Select((tag, attribute, value) => $"<{tag} {attribute}=\"{value}\" rel=stylesheet>");

    private static readonly Gen<string> Html = Gen.OneOf(
            Element,
            Gen.OneOf("<div>", "</div>", "<!--", "-->", "<![CDATA[", "<table><tr><td>", "</p>", "<", ">", "&amp;", "&#0;", "\0", "<style>@import url(//s.example/a.css);</style>"))
        .Array[0, 40].Select(parts => "<html><head>" + string.Concat(parts) + "</body>");

    [Fact]
    public void Markup_never_throws_and_keeps_its_lists_within_their_limits() =>
        Gen.Select(Html, Gen.Int[1, 5], Gen.Int[1, 5])
            .Sample((html, maxResources, maxLinks) =>
            {
                var extraction = Mutations.Timed(() => HtmlResourceExtractor.Extract(html, new Uri("https://shop.example/page"), maxResources, maxLinks));

                Assert.True(extraction.Resources.Count <= maxResources);
                Assert.True(extraction.Links.Count <= maxLinks);
                Assert.True(extraction.Resources.Count + extraction.Links.Count <= html.Length);
                Assert.All(extraction.Resources, r => Assert.False(string.IsNullOrEmpty(r.Host)));
            }, iter: Fuzz.Iterations(400));

    [Fact]
    public void Mutated_markup_never_throws() =>
        Html.SelectMany(html => Mutations.Of(html, ["<", ">", "\"", "'", "=", "/", "<a href=", "<base href=", "//", "\u063C", "&#x"], maxEdits: 8))
            .Sample(html => Mutations.Timed(() => HtmlResourceExtractor.Extract(html, new Uri("https://shop.example/"))), iter: Fuzz.Iterations(300));
}
