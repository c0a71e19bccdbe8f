using System.Text.Json;
using System.Text.RegularExpressions;
using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

/// <summary>
/// The counts in docs/catalog.md ("Counts" per infrastructure file and "Coverage per layer") are the catalog's: every
/// number of providers and of signals per kind is recomputed from the embedded data files.
/// </summary>
public sealed partial class CatalogDocumentationCountsTests
{
    private static readonly ProviderCatalog Catalog = ProviderCatalog.LoadEmbedded();

    private static readonly Lazy<string[]> DocLines = new(() => File.ReadAllLines(RepositoryFiles.Path("docs", "catalog.md")));

    [Fact]
    public void The_coverage_per_layer_table_counts_every_provider_and_signal()
    {
        var rows = TableRows("### Coverage per layer");
        Assert.NotEmpty(rows);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cells in rows)
        {
            var services = cells[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            covered.UnionWith(services);
            var providers = Catalog.Providers.Where(p => services.Contains(p.Service, StringComparer.Ordinal)).ToList();
            Assert.True(int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture) == providers.Count,
                $"layer {cells[0]}: the docs say {cells[2]} providers, the catalog has {providers.Count}");
            var actual = providers.SelectMany(p => p.Signals).GroupBy(s => s.KindWord, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            AssertKindCounts($"layer {cells[0]}", cells[3], actual);
        }

        Assert.All(Catalog.Providers, p => Assert.Contains(p.Service, covered));
        var total = CompaniesInAll().Match(string.Join('\n', DocLines.Value));
        Assert.True(total.Success, "the docs do not say how many companies there are in all");
        Assert.Equal(Catalog.Companies.Count, int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_counts_table_matches_each_infrastructure_file()
    {
        var rows = TableRows("## Counts");
        Assert.NotEmpty(rows);
        foreach (var cells in rows)
        {
            var file = cells[0].Trim('`');
            using var json = ReadEmbedded($"Catalog.{file}");
            var root = json.RootElement;
            var firstNumber = int.Parse(LeadingNumber().Match(cells[1]).Value, System.Globalization.CultureInfo.InvariantCulture);
            if (file == "companies.json")
            {
                Assert.Equal(root.GetProperty("companies").GetArrayLength(), firstNumber);
                continue;
            }

            var providers = root.TryGetProperty("providers", out var list) ? list.EnumerateArray().ToList() : [];
            Assert.True(providers.Count == firstNumber, $"{file}: the docs say {firstNumber} providers, the file has {providers.Count}");
            var actual = providers.SelectMany(p => p.GetProperty("signals").EnumerateArray())
                .GroupBy(s => s.GetProperty("kind").GetString() ?? "", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            AssertKindCounts(file, cells[2], actual);
        }
    }

    private static void AssertKindCounts(string where, string cell, Dictionary<string, int> actual)
    {
        var documented = KindCount().Matches(cell).ToDictionary(
            m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var expected = string.Join(", ", actual.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
        var said = string.Join(", ", documented.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
        Assert.True(expected == said, $"{where}: the docs say '{said}', the catalog has '{expected}'");
    }

    /// <summary>The cells of the data rows of the first table after the heading line that starts with <paramref name="heading"/>.</summary>
    private static List<string[]> TableRows(string heading)
    {
        var lines = DocLines.Value;
        var start = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/catalog.md has no heading '{heading}'");
        var table = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        return [.. table.Skip(2).Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }

    private static JsonDocument ReadEmbedded(string resource)
    {
        using var stream = typeof(ProviderCatalog).Assembly.GetManifestResourceStream(resource);
        Assert.True(stream is not null, $"no embedded resource {resource}");
        return JsonDocument.Parse(stream);
    }

    [GeneratedRegex(@"(\d+) `([a-z-]+)`")]
    private static partial Regex KindCount();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(\d+) companies in all")]
    private static partial Regex CompaniesInAll();
}
