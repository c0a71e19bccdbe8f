using System.Text;
using Chokepoint.Collection.Page;

namespace Chokepoint.Collection.Tests.Page;

public sealed class HtmlResourceExtractorTests
{
    private static readonly Uri PageUrl = new("https://www.example.org/news/today.html");

    private const string Html = """
        <!doctype html>
        <html><head>
          <script src="https://cdn.blocking.example/lib.js"></script>
          <script async src="https://ads.async.example/tag.js"></script>
          <script defer src="/static/app.js"></script>
          <script type="module" src="https://esm.example/mod.js"></script>
          <script type="application/ld+json" src="https://data.example/ld.json"></script>
          <script>var inline = 1;</script>
          <link rel="stylesheet" href="//fonts.googleapis.com/css?family=Inter">
          <link rel="preload" as="font" href="https://fonts.gstatic.com/s/inter.woff2" crossorigin>
          <link rel="preconnect" href="https://connect.example">
          <link rel="dns-prefetch" href="//prefetch.example">
          <link rel="icon" href="/favicon.ico">
          <style>
            @import url("https://imports.example/more.css");
            @font-face { font-family: X; src: url('https://fontcdn.example/x.woff2') format('woff2'); }
            body { background: url(https://not-a-font.example/bg.png); }
          </style>
        </head><body>
          <iframe src="https://player.video.example/embed/1"></iframe>
          <img src="images/a.png" srcset="https://img.example/a-2x.png 2x">
          <picture><source srcset="https://img.example/b.webp 1x"><img src="https://img.example/b.jpg"></picture>
          <video poster="https://img.example/poster.jpg"><source src="https://media.example/v.mp4"></video>
          <audio src="https://media.example/a.mp3"></audio>
          <form action="https://donate.processor.example/checkout"></form>
          <embed src="https://embed.example/e.swf"><object data="https://embed.example/o.pdf"></object>
          <a href="/donate">  Donate
             today </a>
          <a href="https://www.amazon.com/dp/B01?tag=news-20"><img alt="Buy the book"></a>
          <a href="javascript:void(0)">nothing</a>
          <a href="mailto:x@example.org">mail</a>
          <a href="/donate">duplicate</a>
        </body></html>
        """;

    [Fact]
    public void Every_kind_of_resource_is_found_with_absolute_url_and_host()
    {
        var result = HtmlResourceExtractor.Extract(Html, PageUrl);
        var kinds = result.Resources.ToDictionary(r => r.Url, r => r.Kind);

        Assert.Equal("script", kinds["https://cdn.blocking.example/lib.js"]);
        Assert.Equal("script", kinds["https://www.example.org/static/app.js"]);
        Assert.Equal("stylesheet", kinds["https://fonts.googleapis.com/css?family=Inter"]);
        Assert.Equal("font", kinds["https://fonts.gstatic.com/s/inter.woff2"]);
        Assert.Equal("preconnect", kinds["https://connect.example/"]);
        Assert.Equal("dns-prefetch", kinds["https://prefetch.example/"]);
        Assert.Equal("image", kinds["https://www.example.org/favicon.ico"]);
        Assert.Equal("stylesheet", kinds["https://imports.example/more.css"]);
        Assert.Equal("font", kinds["https://fontcdn.example/x.woff2"]);
        Assert.Equal("iframe", kinds["https://player.video.example/embed/1"]);
        Assert.Equal("image", kinds["https://www.example.org/news/images/a.png"]);
        Assert.Equal("image", kinds["https://img.example/a-2x.png"]);
        Assert.Equal("image", kinds["https://img.example/b.webp"]);
        Assert.Equal("image", kinds["https://img.example/poster.jpg"]);
        Assert.Equal("media", kinds["https://media.example/v.mp4"]);
        Assert.Equal("media", kinds["https://media.example/a.mp3"]);
        Assert.Equal("form", kinds["https://donate.processor.example/checkout"]);
        Assert.Equal("embed", kinds["https://embed.example/e.swf"]);
        Assert.Equal("embed", kinds["https://embed.example/o.pdf"]);
        Assert.DoesNotContain(result.Resources, r => r.Host == "data.example" || r.Host == "not-a-font.example");
        Assert.All(result.Resources, r => Assert.Equal(PageUrl.AbsoluteUri, r.FoundOn));
        Assert.Equal("fonts.googleapis.com", result.Resources.Single(r => r.Kind == "stylesheet" && r.Url.Contains("Inter", StringComparison.Ordinal)).Host);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Only_classic_scripts_without_async_or_defer_block_rendering()
    {
        var result = HtmlResourceExtractor.Extract(Html, PageUrl);
        var blocking = result.Resources.Where(r => r.Kind == "script").ToDictionary(r => r.Host, r => r.Blocking);

        Assert.True(blocking["cdn.blocking.example"]);
        Assert.False(blocking["ads.async.example"]);
        Assert.False(blocking["www.example.org"]);
        Assert.False(blocking["esm.example"]);
        Assert.DoesNotContain(result.Resources, r => r.Kind != "script" && r.Blocking);
    }

    [Fact]
    public void Links_carry_text_affiliate_tags_and_are_deduplicated()
    {
        var result = HtmlResourceExtractor.Extract(Html, PageUrl);

        Assert.Equal(2, result.Links.Count);
        Assert.Equal("https://www.example.org/donate", result.Links[0].Url);
        Assert.Equal("Donate today", result.Links[0].Text);
        Assert.Null(result.Links[0].AffiliateTag);
        Assert.Equal("www.amazon.com", result.Links[1].Host);
        Assert.Equal("Buy the book", result.Links[1].Text);
        Assert.Equal("tag=news-20", result.Links[1].AffiliateTag);
    }

    [Fact]
    public void A_base_element_changes_where_relative_urls_resolve()
    {
        var result = HtmlResourceExtractor.Extract(
            "<html><head><base href=\"https://static.example/v2/\"></head><body><script src=\"app.js\"></script></body></html>",
            PageUrl);

        Assert.Equal("https://static.example/v2/app.js", Assert.Single(result.Resources).Url);
    }

    [Fact]
    public void Ten_thousand_nested_divs_are_walked_without_overflowing_and_deep_resources_are_found()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++)
        {
            html.Append("<div>");
        }

        html.Append("<script src=\"https://deep.example/x.js\"></script><a href=\"https://deep-link.example/\">deep</a>");
        for (var i = 0; i < 10_000; i++)
        {
            html.Append("</div>");
        }

        html.Append("</body></html>");
        var result = HtmlResourceExtractor.Extract(html.ToString(), PageUrl);

        Assert.Equal("https://deep.example/x.js", Assert.Single(result.Resources).Url);
        Assert.Equal("https://deep-link.example/", Assert.Single(result.Links).Url);
        Assert.Contains(result.Notes, n => n.Contains("9,746 elements nested deeper than 256 levels lost their tags", StringComparison.Ordinal));
    }

    [Fact]
    public void Flattening_keeps_content_order_siblings_and_resource_elements_at_any_depth()
    {
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div class=\"x>y\"><section>", 50_000);
        html.Append("<a href=\"https://in-deep.example/\"><span>deep text</span></a><img src=\"https://img.example/deep.png\">");
        html.Insert(html.Length, "</section></div>", 50_000);
        html.Append("<!-- <div> in a comment --><script>var s = '<div>';</script><a href=\"https://after.example/\">after</a></body></html>");

        var result = HtmlResourceExtractor.Extract(html.ToString(), PageUrl);

        Assert.Equal(["https://in-deep.example/", "https://after.example/"], result.Links.Select(l => l.Url));
        Assert.Equal("deep text", result.Links[0].Text);
        Assert.Equal("https://img.example/deep.png", Assert.Single(result.Resources).Url);
        Assert.Single(result.Notes);
    }

    [Fact]
    public void Twenty_thousand_links_are_bounded_and_the_rest_counted()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 20_000; i++)
        {
            html.Append("<a href=\"https://site").Append(i).Append(".example/\">link ").Append(i).Append("</a>");
        }

        html.Append("</body></html>");
        var result = HtmlResourceExtractor.Extract(html.ToString(), PageUrl);

        Assert.Equal(HtmlResourceExtractor.DefaultMaxLinks, result.Links.Count);
        Assert.Equal(20_000 - HtmlResourceExtractor.DefaultMaxLinks, result.LinksDropped);
        Assert.Equal("link 0", result.Links[0].Text);
        Assert.Contains(result.Notes, n => n.Contains("15,000 more were not listed", StringComparison.Ordinal));
    }

    [Fact]
    public void Resource_and_element_limits_are_counted_and_noted()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 50; i++)
        {
            html.Append("<img src=\"https://img.example/").Append(i).Append(".png\">");
        }

        html.Append("</body></html>");
        var result = HtmlResourceExtractor.Extract(html.ToString(), PageUrl, maxResources: 10, maxElements: 30);

        Assert.Equal(10, result.Resources.Count);
        Assert.True(result.ResourcesDropped > 0);
        Assert.Equal(30, result.ElementsVisited);
        Assert.True(result.ElementsSkipped > 0);
        Assert.Equal(2, result.Notes.Count);
    }

    /// <summary>Regression (found by fuzzing): a URL whose host is not a valid IDN threw UriFormatException, so one hostile link failed the page.</summary>
    [Fact]
    public void A_url_whose_host_is_not_a_valid_idn_is_left_out_instead_of_throwing()
    {
        var result = HtmlResourceExtractor.Extract(
            """<html><head><script src="https://sؼop.example/a.js"></script><script src="https://ok.example/b.js"></script></head>""" +
            """<body><a href="//sؼop.io:0/x">x</a><a href="https://ok.example/">ok</a></body></html>""",
            PageUrl);

        Assert.Equal(["ok.example"], result.Resources.Select(r => r.Host));
        Assert.Equal(["https://ok.example/"], result.Links.Select(l => l.Url));
    }
}
