using Chokepoint.Engine;

namespace Chokepoint.Scanning.Tests;

/// <summary>Scan lists read with the real engine's public suffix rules: good lines kept, bad ones reported by line.</summary>
public sealed class ScanListTests : IDisposable
{
    private readonly ChokepointEngine _engine = ChokepointEngine.Create(new EngineSettings());

    public void Dispose() => _engine.Dispose();

    private ScanList Parse(string text, int? top = null) => ScanList.Parse(new StringReader(text), name => _engine.SiteName(name).Domain, top);

    [Fact]
    public void Domains_hosts_and_urls_reduce_to_registrable_domains_with_their_line_numbers()
    {
        var list = Parse("# my sites\n\nexample.org\nhttps://www.example.net/path?q=1\n  blog.example.co.uk  # a comment\nEXAMPLE.COM.\n");

        Assert.Empty(list.Problems);
        Assert.Equal([(3, "example.org"), (4, "example.net"), (5, "example.co.uk"), (6, "example.com")],
            list.Entries.Select(e => (e.Line, e.Domain)));
        Assert.Equal("https://www.example.net/path?q=1", list.Entries[1].Input);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_number_and_skipped()
    {
        var list = Parse("example.org\n192.0.2.1\nhttp://[2001:db8::1]/\nco.uk\nnot a domain\nwww.example.org\nexample.net\n");

        Assert.Equal([1, 7], list.Entries.Select(e => e.Line));
        Assert.Equal([2, 3, 4, 5, 6], list.Problems.Select(p => p.Line));
        Assert.Contains("IP address", list.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("IP address", list.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("public suffix", list.Problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("not a domain", list.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("duplicate of line 1", list.Problems[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_takes_the_first_entries_of_a_ranked_csv_list()
    {
        var list = Parse("1,google.com\n2,www.facebook.com\n\n3,192.0.2.7\n4,example.org\n5,example.net\n", top: 4);

        Assert.Equal(["google.com", "facebook.com", "example.org"], list.Entries.Select(e => e.Domain));
        Assert.Equal([1, 2, 5], list.Entries.Select(e => e.Line));
        Assert.Equal(4, Assert.Single(list.Problems).Line);
    }
}
