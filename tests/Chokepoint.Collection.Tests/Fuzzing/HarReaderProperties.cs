using System.Text;
using Chokepoint.Collection.Page;
using CsCheck;

namespace Chokepoint.Collection.Tests.Fuzzing;

/// <summary>
/// The HAR reader on hostile input: any bytes give a capture (with an error, or entries), never an exception; the
/// entries kept are in proportion to the input (a HAR entry takes at least two bytes, "{}") and within the limit asked.
/// </summary>
public sealed class HarReaderProperties
{
    private const string Seed = """
        {"log": {"version": "1.2", "pages": [{"title": "https://shop.example/"}], "entries": [
          {"_resourceType": "document", "serverIPAddress": "127.0.0.1",
           "request": {"method": "GET", "url": "https://shop.example/"},
           "response": {"status": 200, "headers": [{"name": "Server", "value": "cloudflare"}, {"name": "Via", "value": "1.1 varnish"}],
                        "content": {"mimeType": "text/html", "text": "<html></html>"}}},
          {"request": {"url": "https://cdn.example/app.js?x=1"}, "response": {"status": 304, "content": {"mimeType": "application/javascript"}}},
          {"request": {"url": "//relative.example/a.css"}, "response": {"headers": [{"name": "x-cache"}]}}
        ]}}
        """;

    private static HarCapture Read(byte[] bytes, int maxEntries = HarReader.DefaultMaxEntries)
    {
        using var stream = new MemoryStream(bytes);
        var capture = Mutations.Timed(() => HarReader.Read(stream, maxEntries));
        Assert.True(capture.Entries.Count <= (bytes.Length / 2) + 1, $"{capture.Entries.Count} entries from {bytes.Length} bytes");
        Assert.True(capture.Entries.Count <= maxEntries);
        Assert.All(capture.Entries, e => Assert.NotNull(e.Host));
        return capture;
    }

    [Fact]
    public void Random_bytes_give_a_capture_or_an_error_never_an_exception() =>
        Gen.Byte.Array[0, 2048].Sample(bytes => Read(bytes), iter: Fuzz.Iterations(300));

    [Fact]
    public void A_mutated_capture_gives_a_capture_or_an_error_never_an_exception() =>
        Mutations.Of(Seed, Mutations.JsonTokens).Sample(text => Read(Encoding.UTF8.GetBytes(text)), iter: Fuzz.Iterations(1000));

    [Fact]
    public void A_mutated_capture_keeps_no_more_entries_than_asked() =>
        Gen.Select(Mutations.Of(Seed, Mutations.JsonTokens, maxEdits: 3), Gen.Int[1, 3])
            .Sample((text, limit) => Read(Encoding.UTF8.GetBytes(text), limit), iter: Fuzz.Iterations(300));

    [Fact]
    public void A_mutated_real_capture_never_throws()
    {
        var seed = SharedFixtures.Read("har", "blooket.com.har");
        Mutations.Of(seed, Mutations.JsonTokens).Sample(text => Read(Encoding.UTF8.GetBytes(text)), iter: Fuzz.Iterations(60));
    }

    [Fact]
    public void The_unmutated_seed_is_read_whole()
    {
        var capture = Read(Encoding.UTF8.GetBytes(Seed));

        Assert.Null(capture.Error);
        Assert.Equal(["shop.example", "cdn.example"], capture.Entries.Select(e => e.Host).Take(2));
    }
}
