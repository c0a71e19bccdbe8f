using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Tests;

/// <summary>audit --har with a capture of another site's pages, or of pages that are partly other sites'.</summary>
public sealed class HarSiteCommandTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chokepoint-har-");
    private SimulatedInternet _internet = null!;
    private string _profile = null!;

    public async Task InitializeAsync()
    {
        _internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        _profile = Path.Combine(_directory.FullName, "profile.json");
        await _internet.WriteProfileAsync(_profile, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _internet.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private string Har(string name, string pageUrl, params (string Url, string MimeType)[] entries)
    {
        var path = Path.Combine(_directory.FullName, name);
        var items = string.Join(",", entries.Select(e =>
            "{\"request\":{\"method\":\"GET\",\"url\":\"" + e.Url + "\",\"headers\":[]},\"response\":{\"status\":200,\"headers\":[],\"content\":{\"mimeType\":\"" + e.MimeType + "\"}}}"));
        File.WriteAllText(path, "{\"log\":{\"version\":\"1.2\",\"pages\":[{\"title\":\"" + pageUrl + "\"}],\"entries\":[" + items + "]}}");
        return path;
    }

    [Fact]
    public async Task A_capture_of_another_sites_pages_is_refused_in_one_line_saying_whose_they_are()
    {
        var har = Har("other.har", "https://www.example.org/", ("https://www.example.org/", "text/html"), ("https://www.example.org/app.js", "text/javascript"));

        var (exitCode, output, error) = await CliRunner.RunAsync(["audit", "onestack-demo.com", "--har", har, "--network", _profile]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Equal($"chokepoint: {har}: a HAR capture of example.org's pages, not of onestack-demo.com: capture the site being audited", error.Trim());
    }

    [Fact]
    public async Task A_capture_with_some_pages_of_other_sites_is_audited_with_a_warning()
    {
        var har = Har("mixed.har", "https://onestack-demo.com/",
            ("https://onestack-demo.com/", "text/html"),
            ("https://frames.example.net/ad.html", "text/html"),
            ("https://cdn.example.net/lib.js", "text/javascript"));

        var (exitCode, output, error) = await CliRunner.RunAsync(["audit", "onestack-demo.com", "--har", har, "--network", _profile]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("Chokepoint audit of onestack-demo.com", output, StringComparison.Ordinal);
        Assert.Contains($"warning: {har}: 1 of 2 pages in the capture are other sites' (example.net)", error, StringComparison.Ordinal);
    }
}
