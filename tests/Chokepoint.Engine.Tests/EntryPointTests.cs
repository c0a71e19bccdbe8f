using Chokepoint.Reporting;
using Chokepoint.Reporting.Table;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// A URL or host name is audited as its registrable domain for the name layers, and the host given is kept as the
/// web entry point the pages are collected from; the report says so.
/// </summary>
public sealed class EntryPointTests : IAsyncLifetime, IClassFixture<OfflineEngine>
{
    private readonly OfflineEngine offline;
    private SimulatedInternet internet = null!;
    private ChokepointEngine engine = null!;

    public EntryPointTests(OfflineEngine offline) => this.offline = offline;

    public async Task InitializeAsync()
    {
        internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        engine = ChokepointEngine.Create(new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) });
    }

    public async Task DisposeAsync()
    {
        engine.Dispose();
        await internet.DisposeAsync();
    }

    /// <summary>Regression: <c>audit https://www.example.com/path</c> audited www.example.com as if it were the registered domain.</summary>
    [Fact]
    public async Task A_url_of_the_www_host_audits_the_registrable_domain_entered_at_www()
    {
        var (observations, report) = await engine.AuditAsync("https://www.dailyledger-news.com/some/path?x=1");

        Assert.Equal("dailyledger-news.com", observations.Domain);
        Assert.Equal("www.dailyledger-news.com", observations.EntryPoint);
        Assert.NotNull(observations.Registration);
        Assert.NotEmpty(observations.Dns!.NameServers);
        Assert.StartsWith("https://www.dailyledger-news.com/", observations.Page!.Pages[0].Url, StringComparison.Ordinal);
        Assert.Equal("dailyledger-news.com", report.Domain);
        Assert.Equal("www.dailyledger-news.com", report.EntryPoint);
        Assert.Contains(
            "audited dailyledger-news.com (registrable domain of www.dailyledger-news.com; www.dailyledger-news.com is the web entry point)",
            System.Text.RegularExpressions.Regex.Replace(TableRenderer.Render(report), "\\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_host_under_the_domain_is_collected_as_the_entry_point_and_the_pages_start_there()
    {
        var (observations, report) = await engine.AuditAsync("origin.shieldedorigin-demo.com");

        Assert.Equal("shieldedorigin-demo.com", observations.Domain);
        Assert.Equal("origin.shieldedorigin-demo.com", report.EntryPoint);
        Assert.Contains(observations.Hosts, h => h is { Role: "page", Name: "origin.shieldedorigin-demo.com" });
        Assert.Contains(observations.Tls, t => t.Host == "origin.shieldedorigin-demo.com");
        Assert.StartsWith("https://origin.shieldedorigin-demo.com/", observations.Page!.Pages[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_domain_itself_has_no_entry_point_and_no_note()
    {
        var (observations, report) = await engine.AuditAsync("dailyledger-news.com");

        Assert.Null(observations.EntryPoint);
        Assert.Null(report.EntryPoint);
        Assert.Null(EntryPointNote.Text(report));
    }

    [Theory]
    [InlineData("https://WWW.Example.co.uk/a/b", "example.co.uk", "www.example.co.uk")]
    [InlineData("shop.example.com.", "example.com", "shop.example.com")]
    [InlineData("example.com", "example.com", null)]
    [InlineData("http://example.com:8080/", "example.com", null)]
    public void A_name_is_reduced_to_its_registrable_domain_by_the_public_suffix_list(string given, string domain, string? entryPoint) =>
        Assert.Equal((domain, entryPoint), offline.Engine.SiteName(given));

    [Fact]
    public void A_public_suffix_given_as_a_url_is_still_refused() =>
        Assert.True(Assert.Throws<EngineException>(() => offline.Engine.SiteName("https://co.uk/")).IsUsageError);
}
