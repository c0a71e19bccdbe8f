using System.Text;
using Chokepoint.Collection.Page;

namespace Chokepoint.Collection.Tests.Page;

public sealed class HarReaderTests
{
    private static HarCapture ReadFixture(string name)
    {
        using var stream = File.OpenRead(SharedFixtures.Path("har", name));
        return HarReader.Read(stream);
    }

    private static HarCapture ReadText(string text, int maxEntries = HarReader.DefaultMaxEntries)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return HarReader.Read(stream, maxEntries);
    }

    [Fact]
    public void Reddit_capture_yields_its_hosts_kinds_and_varnish_headers()
    {
        var capture = ReadFixture("reddit.com.har");

        Assert.Null(capture.Error);
        Assert.Equal("1.2", capture.Version);
        Assert.Equal("http://reddit.com/", capture.PageTitle);
        Assert.Equal(53, capture.Entries.Count);
        var hosts = capture.Entries.Select(e => e.Host).ToHashSet();
        Assert.Superset(new HashSet<string> { "www.reddit.com", "www.redditstatic.com", "styles.redditmedia.com", "preview.redd.it", "b.thumbs.redditmedia.com", "emoji.redditmedia.com" }, hosts);

        var first = capture.Entries[0];
        Assert.Equal("http://reddit.com/", first.Url);
        Assert.Equal(301, first.Status);
        Assert.Equal("1.1 varnish", first.Headers["via"]);
        Assert.Equal("snooserv", first.Headers["server"]);
        Assert.Equal("https://reddit.com/", first.Headers["location"]);
        Assert.Equal("151.101.193.140", first.ServerIpAddress);

        var document = capture.Entries.Single(e => e.Url == "https://www.reddit.com/");
        Assert.Equal("document", document.Kind);
        Assert.Contains(capture.Entries, e => e.Kind == "font" && e.MimeType == "font/woff2");
        Assert.Contains(capture.Entries, e => e.Kind == "media" && e.Status == 206);
        Assert.Contains(capture.Entries, e => e.Kind == "script" && e.Host == "www.redditstatic.com");
        Assert.All(capture.Entries, e => Assert.All(e.Headers.Keys, k => Assert.Equal(k.ToLowerInvariant(), k)));
    }

    [Fact]
    public void Ign_capture_yields_ad_hosts_and_fastly_served_by_headers()
    {
        var capture = ReadFixture("ign.com.har");

        Assert.Null(capture.Error);
        Assert.Equal(66, capture.Entries.Count);
        var gpt = capture.Entries.Single(e => e.Host == "securepubads.g.doubleclick.net");
        Assert.Equal("script", gpt.Kind);
        Assert.Contains(capture.Entries, e => e.Host == "imasdk.googleapis.com");
        var home = capture.Entries.Single(e => e.Url == "https://www.ign.com/");
        Assert.StartsWith("cache-iad-", home.Headers["x-served-by"], StringComparison.Ordinal);
        Assert.Equal("MISS, HIT", home.Headers["x-cache"]);
        var octetFont = capture.Entries.Single(e => e.Url.EndsWith("Inter.var-subset.woff2", StringComparison.Ordinal));
        Assert.Equal("application/octet-stream", octetFont.MimeType);
        Assert.Equal("font", octetFont.Kind);
    }

    [Fact]
    public void Blooket_capture_yields_cloudflare_and_cloudfront_headers()
    {
        var capture = ReadFixture("blooket.com.har");

        Assert.Null(capture.Error);
        Assert.Equal(21, capture.Entries.Count);
        var hosts = capture.Entries.Select(e => e.Host).ToHashSet();
        Assert.Superset(new HashSet<string> { "www.googletagmanager.com", "kit.fontawesome.com", "cdnjs.cloudflare.com", "fonts.googleapis.com", "ka-f.fontawesome.com" }, hosts);
        var cdnjs = capture.Entries.Single(e => e.Host == "cdnjs.cloudflare.com");
        Assert.Equal("cloudflare", cdnjs.Headers["server"]);
        Assert.True(cdnjs.Headers.ContainsKey("cf-ray"));
        var fontAwesomeCss = capture.Entries.First(e => e.Host == "ka-f.fontawesome.com");
        Assert.Contains("CloudFront", fontAwesomeCss.Headers["via"], StringComparison.Ordinal);
        Assert.Equal("stylesheet", fontAwesomeCss.Kind);
        Assert.Equal("xhr", capture.Entries.Single(e => e.Host == "www.google-analytics.com").Kind);
    }

    [Fact]
    public void Missing_fields_are_tolerated()
    {
        var capture = ReadText("""
            {"log": {"entries": [
              {"request": {"url": "https://a.example/x.js"}},
              {"request": {"url": "https://b.example/"}, "response": {"status": 0}},
              {"response": {"status": 200}},
              {"request": {"url": "https://c.example/y"}, "response": {"status": 200, "headers": [{"name": "Server"}, {"value": "nameless"}, {"name": "Via", "value": "a"}, {"name": "via", "value": "b"}], "content": {}}},
              "not an object"
            ]}}
            """);

        Assert.Null(capture.Error);
        Assert.Equal(3, capture.Entries.Count);
        Assert.Equal("script", capture.Entries[0].Kind);
        Assert.Null(capture.Entries[1].Status);
        Assert.Equal("a, b", capture.Entries[2].Headers["via"]);
        Assert.Equal("", capture.Entries[2].Headers["server"]);
        Assert.Contains(capture.Notes, n => n.StartsWith("2 entries had no request URL", StringComparison.Ordinal));
    }

    /// <summary>Regression (found by the HAR property): a host that is not a valid IDN threw UriFormatException.</summary>
    [Fact]
    public void An_entry_whose_host_is_not_a_valid_idn_names_no_host_instead_of_throwing()
    {
        var capture = ReadText("""
            {"log": {"entries": [
              {"request": {"url": "https://sؼop.example/"}},
              {"request": {"url": "https://b.example/"}}
            ]}}
            """);

        Assert.Null(capture.Error);
        Assert.Equal(["", "b.example"], capture.Entries.Select(e => e.Host));
    }

    /// <summary>Regression (found by the HAR property): an escaped unpaired surrogate in a string threw InvalidOperationException.</summary>
    [Fact]
    public void A_string_holding_an_unpaired_surrogate_is_read_as_absent_instead_of_throwing()
    {
        var capture = ReadText("""
            {"log": {"version": "\ud800", "entries": [
              {"request": {"url": "https://a.example/", "method": "\udc00"}},
              {"request": {"url": "https://b.example/\ud800"}}
            ]}}
            """);

        Assert.Null(capture.Error);
        Assert.Null(capture.Version);
        Assert.Equal("https://a.example/", Assert.Single(capture.Entries).Url);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("[1, 2, 3]", "must be one JSON object")]
    [InlineData("{\"foo\": 1}", "no \"log\" object")]
    [InlineData("{\"log\": {\"version\": \"1.2\"}}", "no \"entries\" array")]
    [InlineData("{\"log\": {\"entries\": {}}}", "must be an array")]
    [InlineData("{\"log\": {\"entries\": [{\"request\": {\"url\": \"https://a.example/\"}}, {\"requ", "cut short")]
    public void Malformed_har_gives_a_clear_error(string text, string expected)
    {
        var capture = ReadText(text);

        Assert.NotNull(capture.Error);
        Assert.Contains(expected, capture.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_keeps_the_entries_read_before_the_cut()
    {
        var capture = ReadText("{\"log\": {\"entries\": [{\"request\": {\"url\": \"https://a.example/\"}}, {\"requ");

        Assert.Equal("https://a.example/", Assert.Single(capture.Entries).Url);
    }

    [Fact]
    public void A_huge_capture_is_streamed_and_bounded()
    {
        // About 60 MB: 300,000 entries, each with a large body, fed through a stream that never holds it whole.
        using var stream = new GeneratedHarStream(entries: 300_000, bodyChars: 200);
        var capture = HarReader.Read(stream, maxEntries: 1_000);

        Assert.Null(capture.Error);
        Assert.Equal(1_000, capture.Entries.Count);
        Assert.Equal("https://host999.example/r", capture.Entries[^1].Url);
        Assert.Contains(capture.Notes, n => n.Contains("first 1,000 entries", StringComparison.Ordinal));
        Assert.True(stream.Position < stream.Length / 10);
    }

    [Fact]
    public void A_bom_and_a_large_single_entry_are_read()
    {
        var body = new string('x', 3 * 1024 * 1024);
        var text = "\uFEFF{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"t\"}, \"entries\": [{\"request\": {\"url\": \"https://big.example/\"}, \"response\": {\"status\": 200, \"content\": {\"mimeType\": \"text/html\", \"text\": \"" + body + "\"}}}]}}";
        var capture = ReadText(text);

        Assert.Null(capture.Error);
        Assert.Equal("document", Assert.Single(capture.Entries).Kind);
    }

    /// <summary>A read-only stream that produces a HAR document on the fly.</summary>
    private sealed class GeneratedHarStream(int entries, int bodyChars) : Stream
    {
        private const string Head = "{\"log\": {\"version\": \"1.2\", \"entries\": [";
        private const string Tail = "]}}";
        private readonly string body = new('b', bodyChars);
        private byte[] pending = Encoding.UTF8.GetBytes(Head);
        private int pendingOffset;
        private int next;
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => (long)entries * (bodyChars + 150);

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (pendingOffset == pending.Length)
            {
                if (next > entries)
                {
                    return 0;
                }

                var chunk = next == entries
                    ? Tail
                    : (next > 0 ? "," : "") + $"{{\"request\": {{\"method\": \"GET\", \"url\": \"https://host{next}.example/r\"}}, \"response\": {{\"status\": 200, \"content\": {{\"mimeType\": \"text/plain\", \"text\": \"{body}\"}}}}}}";
                next++;
                pending = Encoding.UTF8.GetBytes(chunk);
                pendingOffset = 0;
            }

            var n = Math.Min(count, pending.Length - pendingOffset);
            Array.Copy(pending, pendingOffset, buffer, offset, n);
            pendingOffset += n;
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
