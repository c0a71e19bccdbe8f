using System.Text.Json;
using System.Text.RegularExpressions;
using Chokepoint.Engine.Data;
using Chokepoint.Observations;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Engine.Tests;

/// <summary>The engine's pure part: analysis of observations, and what every report says produced it.</summary>
public sealed partial class EngineAnalysisTests(OfflineEngine offline) : IClassFixture<OfflineEngine>
{
    [Fact]
    public void Analysis_is_pure_and_repeatable()
    {
        var observations = new SiteObservations { Domain = "quiet.example", CollectedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        Assert.Equal(ReportJson.Render(offline.Engine.Analyze(observations)), ReportJson.Render(offline.Engine.Analyze(observations)));
    }

    [Fact]
    public void Every_report_names_the_tool_and_each_data_set_version()
    {
        var asn = offline.Engine.DataSets.CollectionVersions.Single();
        var observations = new SiteObservations { Domain = "quiet.example", ToolVersion = "0.0.9", DataSets = [asn] };

        var provenance = offline.Engine.Analyze(observations).Provenance;

        Assert.NotNull(provenance);
        Assert.Equal(ChokepointEngine.ToolVersion, provenance.ToolVersion);
        Assert.Equal("0.0.9", provenance.CollectedBy);
        var sets = provenance.DataSets.ToDictionary(set => set.Name);
        Assert.Equal(["ip-to-asn", "provider-catalog", "public-suffix-list", "termination-history"], sets.Keys.Order(StringComparer.Ordinal));
        Assert.Matches(Sha256(), sets["provider-catalog"].ContentHash!);
        Assert.Equal(Attribution.Catalog.ProviderCatalog.Edition, sets["provider-catalog"].Date);
        Assert.Matches(Sha256(), sets["termination-history"].ContentHash!);

        // The PSL and ASN versions are those of the pinned packages, read here from their own manifests.
        var packages = DataDirectory.Locate().PackagesDirectory;
        Assert.Equal(PackageVersion(Path.Combine(packages, "psl")), sets["public-suffix-list"].Version);
        Assert.Matches(Sha256(), sets["public-suffix-list"].ContentHash!);
        Assert.Equal(PackageVersion(Path.Combine(packages, "@ip-location-db", "asn")), sets["ip-to-asn"].Version);
    }

    [Fact]
    public void A_changed_catalog_would_change_the_reported_hash()
    {
        // The hash covers the catalog's files as loaded: two engines agree, and it is not the hash of nothing.
        var first = offline.Engine.DataSets.Versions.Single(v => v.Name == "provider-catalog").ContentHash;
        using var second = ChokepointEngine.Create(new EngineSettings());
        Assert.Equal(first, second.DataSets.Versions.Single(v => v.Name == "provider-catalog").ContentHash);
        Assert.NotEqual("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", first);
    }

    private static string? PackageVersion(string directory)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "package.json")));
        return manifest.RootElement.GetProperty("version").GetString();
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
