using System.Text.Json;
using Chokepoint.Reporting.Concentration;

namespace Chokepoint.Reporting.Tests.Concentration;

public sealed class ConcentrationJsonTests
{
    [Fact]
    public void Document_has_a_format_and_the_totals()
    {
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(ConcentrationSamples.Sample()));
        var root = json.RootElement;

        Assert.Equal(ConcentrationJson.Format, root.GetProperty("format").GetString());
        Assert.StartsWith("chokepoint-concentration/", ConcentrationJson.Format, StringComparison.Ordinal);
        Assert.Equal(10, root.GetProperty("sites").GetInt32());
        Assert.Equal(1, root.GetProperty("duplicates").GetInt32());
        Assert.Equal(7, root.GetProperty("complete").GetInt32());
        Assert.Equal(2, root.GetProperty("failed").GetInt32());
        Assert.Equal(
            ["format", "sites", "duplicates", "complete", "failed", "headlines", "layers", "functions", "companies", "names"],
            root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Headlines_round_trip_with_the_share_of_decided_sites()
    {
        var report = ConcentrationSamples.Sample();
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(report));
        var headlines = json.RootElement.GetProperty("headlines").EnumerateArray().ToList();

        Assert.Equal(report.Headlines.Count, headlines.Count);
        for (var i = 0; i < headlines.Count; i++)
        {
            var expected = report.Headlines[i];
            var headline = headlines[i];
            Assert.Equal(expected.Id, headline.GetProperty("id").GetString());
            Assert.Equal(expected.Name, headline.GetProperty("name").GetString());
            Assert.Equal(expected.Layers.Select(l => l.ToString().ToLowerInvariant()), headline.GetProperty("layers").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(expected.Dependent, headline.GetProperty("dependent").GetInt32());
            Assert.Equal(expected.NotDependent, headline.GetProperty("notDependent").GetInt32());
            Assert.Equal(expected.Undetermined, headline.GetProperty("undetermined").GetInt32());
            Assert.Equal(expected.Dependent + expected.NotDependent, headline.GetProperty("decided").GetInt32());
            Assert.Equal(Math.Round(expected.Share, 4), headline.GetProperty("share").GetDouble());
        }

        // 3 of 8 decided.
        Assert.Equal(0.375, headlines[0].GetProperty("share").GetDouble());
    }

    [Fact]
    public void Layer_counts_are_exact_sorted_by_count_then_id_with_shares_of_observed_sites()
    {
        var report = ConcentrationSamples.Sample();
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(report));
        var dns = json.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "dns");
        var expected = report.Layers.Single(l => l.Layer == Model.Layer.Dns);

        Assert.Equal(8, dns.GetProperty("observed").GetInt32());
        Assert.Equal(2, dns.GetProperty("incomplete").GetInt32());
        Assert.Equal(7, dns.GetProperty("usingThirdParty").GetInt32());
        Assert.Equal(0.875, dns.GetProperty("usingThirdPartyShare").GetDouble());
        Assert.Equal(5, dns.GetProperty("critical").GetInt32());
        Assert.Equal(0.625, dns.GetProperty("criticalShare").GetDouble());
        Assert.Equal(9, dns.GetProperty("totalUses").GetInt32());
        Assert.Equal(Math.Round(expected.Top3Share, 4), dns.GetProperty("top3Share").GetDouble());
        Assert.Equal(Math.Round(8.0 / 9, 4), dns.GetProperty("top3Share").GetDouble());
        Assert.Equal(Math.Round(23.0 / 81, 4), dns.GetProperty("hhi").GetDouble());
        Assert.True(dns.GetProperty("highlyConcentrated").GetBoolean());

        var uses = dns.GetProperty("uses").EnumerateArray().ToList();
        Assert.Equal(["amazon", "cloudflare", "ns1", "godaddy"], uses.Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(["Amazon.com, Inc.", "Cloudflare, Inc.", "NS1", "GoDaddy Inc."], uses.Select(u => u.GetProperty("name").GetString()));
        foreach (var use in uses)
        {
            var count = expected.Uses[use.GetProperty("id").GetString()!];
            Assert.Equal(count, use.GetProperty("count").GetInt32());
            Assert.Equal(Math.Round((double)count / expected.Observed, 4), use.GetProperty("share").GetDouble());
        }

        var critical = dns.GetProperty("criticalOn").EnumerateArray().ToList();
        Assert.Equal(["cloudflare", "amazon", "godaddy"], critical.Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(0.375, critical[0].GetProperty("share").GetDouble());

        var tls = json.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "tls");
        Assert.False(tls.GetProperty("highlyConcentrated").GetBoolean());
        Assert.Equal("no-name-ca", tls.GetProperty("uses").EnumerateArray().Last().GetProperty("name").GetString());
    }

    [Fact]
    public void A_layer_not_observed_has_null_shares_never_a_number_made_up()
    {
        var text = ConcentrationJson.Serialize(ConcentrationSamples.Sample());
        using var json = JsonDocument.Parse(text);
        var cdn = json.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "cdn");

        Assert.Equal(0, cdn.GetProperty("observed").GetInt32());
        Assert.Equal(10, cdn.GetProperty("incomplete").GetInt32());
        Assert.Equal(JsonValueKind.Null, cdn.GetProperty("usingThirdPartyShare").ValueKind);
        Assert.Equal(JsonValueKind.Null, cdn.GetProperty("criticalShare").ValueKind);
        Assert.Empty(cdn.GetProperty("uses").EnumerateArray());
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_and_companies_round_trip_every_field()
    {
        var report = ConcentrationSamples.Sample();
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(report));
        var root = json.RootElement;

        var function = root.GetProperty("functions").EnumerateArray().First();
        Assert.Equal("name-resolves", function.GetProperty("id").GetString());
        Assert.Equal("The name resolves", function.GetProperty("name").GetString());
        Assert.Equal(8, function.GetProperty("observed").GetInt32());
        Assert.Equal(2, function.GetProperty("incomplete").GetInt32());
        Assert.Equal(4, function.GetProperty("critical").GetInt32());
        Assert.Equal(0.5, function.GetProperty("criticalShare").GetDouble());
        Assert.Equal(4, function.GetProperty("totalSinglePoints").GetInt32());
        Assert.Equal(1, function.GetProperty("top3Share").GetDouble());
        Assert.Equal(Math.Round((9.0 + 1) / 16, 4), function.GetProperty("hhi").GetDouble());
        Assert.Equal([3, 1], function.GetProperty("criticalOn").EnumerateArray().Select(c => c.GetProperty("count").GetInt32()));

        var companies = root.GetProperty("companies").EnumerateArray().ToList();
        Assert.Equal(["verisign", "cloudflare", "ocsp-only", "amazon"], companies.Select(c => c.GetProperty("id").GetString()));
        var cloudflare = companies[1];
        Assert.Equal(3, cloudflare.GetProperty("uses").GetInt32());
        Assert.Equal(4, cloudflare.GetProperty("breaks").GetInt32());
        Assert.Equal(0, cloudflare.GetProperty("breaksInherent").GetInt32());
        Assert.Equal(1, cloudflare.GetProperty("breaksIndirectOnly").GetInt32());
        Assert.Equal(Math.Round(4.0 / 3, 4), cloudflare.GetProperty("amplification").GetDouble());
        Assert.Equal(["pages-served", "name-resolves"], cloudflare.GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(0.375, cloudflare.GetProperty("functions")[1].GetProperty("share").GetDouble());
        Assert.Equal(JsonValueKind.Null, cloudflare.GetProperty("functions")[0].GetProperty("share").ValueKind);
        Assert.Equal(["dns"], cloudflare.GetProperty("layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(report.Companies[1].History, cloudflare.GetProperty("history").EnumerateArray().Select(h => h.GetString()));

        // No direct use: no amplification, written as null rather than left out; no name: the id.
        Assert.Equal(JsonValueKind.Null, companies[2].GetProperty("amplification").ValueKind);
        Assert.Equal("ocsp-only", companies[2].GetProperty("name").GetString());

        var names = root.GetProperty("names").EnumerateArray().ToList();
        Assert.Equal(report.Names.Keys.Order(StringComparer.Ordinal), names.Select(n => n.GetProperty("id").GetString()));
        Assert.All(names, n => Assert.Equal(report.Names[n.GetProperty("id").GetString()!], n.GetProperty("name").GetString()));
    }

    [Fact]
    public void Companies_are_sorted_by_breaks_then_id_whatever_order_they_come_in()
    {
        var sample = ConcentrationSamples.Sample();
        var tied = new Analysis.Concentration.CompanyConcentration("aaa", "Tied", 0, 2, 0, 0, ConcentrationSamples.Counts(), [], []);
        var report = sample with { Companies = [.. sample.Companies.Reverse(), tied] };
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(report));

        Assert.Equal(["verisign", "cloudflare", "aaa", "ocsp-only", "amazon"], json.RootElement.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public void Nothing_is_cut_short()
    {
        var report = ConcentrationSamples.Many(25);
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(report));

        Assert.Equal(25, json.RootElement.GetProperty("layers")[0].GetProperty("uses").GetArrayLength());
        Assert.Equal(25, json.RootElement.GetProperty("companies").GetArrayLength());
        Assert.Equal(25, json.RootElement.GetProperty("functions")[0].GetProperty("criticalOn").GetArrayLength());
    }

    [Fact]
    public void Hostile_names_survive_as_data()
    {
        var report = ConcentrationSamples.Sample(ConcentrationSamples.HostileName);
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(report));

        var cloudflare = json.RootElement.GetProperty("companies").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cloudflare");
        Assert.Equal(ConcentrationSamples.HostileName, cloudflare.GetProperty("name").GetString());
    }

    [Fact]
    public void Counts_whose_sum_overflows_32_bits_are_still_written()
    {
        var report = ConcentrationSamples.Huge();
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(report));
        var dns = json.RootElement.GetProperty("layers")[0];

        Assert.Equal(2L * int.MaxValue, dns.GetProperty("totalUses").GetInt64());
        Assert.Equal(0.5, dns.GetProperty("hhi").GetDouble());
        Assert.Equal(1, dns.GetProperty("top3Share").GetDouble());
        Assert.Equal(2L * int.MaxValue, json.RootElement.GetProperty("headlines")[0].GetProperty("decided").GetInt64());
        Assert.Equal(0.5, json.RootElement.GetProperty("headlines")[0].GetProperty("share").GetDouble());
    }

    [Fact]
    public void An_empty_summary_is_a_valid_document()
    {
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(ConcentrationSamples.Empty()));

        Assert.Equal(0, json.RootElement.GetProperty("sites").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("headlines")[0].GetProperty("share").ValueKind);
        Assert.All(json.RootElement.GetProperty("layers").EnumerateArray(), layer => Assert.Equal(0, layer.GetProperty("hhi").GetDouble()));
    }

    [Fact]
    public void Every_field_is_documented()
    {
        var docs = File.ReadAllText(Docs());
        using var json = JsonDocument.Parse(ConcentrationJson.Serialize(ConcentrationSamples.Sample()));
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        Collect(json.RootElement, fields);

        Assert.Contains("`chokepoint-concentration/1`", docs, StringComparison.Ordinal);
        Assert.True(fields.Count > 30, string.Join(", ", fields));
        Assert.All(fields, field => Assert.True(docs.Contains("| `" + field + "`", StringComparison.Ordinal) || docs.Contains("| `" + field + "[]`", StringComparison.Ordinal), field + " is not in docs/concentration-format.md"));
    }

    [Fact]
    public void Serialize_rejects_null() => Assert.Throws<ArgumentNullException>(() => ConcentrationJson.Serialize(null!));

    /// <summary>Every property name, for objects in arrays too.</summary>
    private static void Collect(JsonElement element, ISet<string> fields)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                fields.Add(property.Name);
                Collect(property.Value, fields);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, fields);
            }
        }
    }

    private static string Docs()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "docs", "concentration-format.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/concentration-format.md");
    }
}
