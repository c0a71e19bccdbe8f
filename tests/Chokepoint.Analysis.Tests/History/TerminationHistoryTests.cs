using System.Text.RegularExpressions;
using Chokepoint.Analysis.History;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Tests.History;

public sealed partial class TerminationHistoryTests
{
    private static readonly TerminationHistory History = TerminationHistory.LoadEmbedded();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();

    [Fact]
    public void Data_set_covers_the_seed_list()
    {
        Assert.True(History.Cases.Count >= 37, $"only {History.Cases.Count} cases");
    }

    [Fact]
    public void Every_row_has_an_https_source()
    {
        Assert.All(History.Cases, c =>
        {
            Assert.NotEmpty(c.Sources);
            Assert.All(c.Sources, s =>
            {
                Assert.True(Uri.TryCreate(s, UriKind.Absolute, out var uri), s);
                Assert.Equal("https", uri!.Scheme);
                Assert.Contains(".", uri.Host, StringComparison.Ordinal);
            });
        });
    }

    [Fact]
    public void Every_row_has_a_valid_date()
    {
        Assert.All(History.Cases, c =>
        {
            Assert.InRange(c.Date, new DateOnly(2000, 1, 1), new DateOnly(2030, 1, 1));
            if (c.Precision == DatePrecision.Month)
            {
                Assert.Equal(1, c.Date.Day);
            }

            if (c.DateEnd is { } end)
            {
                Assert.True(end > c.Date, c.ToString());
            }
        });
    }

    [Fact]
    public void Every_row_has_ids_and_neutral_text()
    {
        Assert.All(History.Cases, c =>
        {
            Assert.Matches(KebabId(), c.CompanyId);
            if (c.CurrentOwnerId is not null)
            {
                Assert.Matches(KebabId(), c.CurrentOwnerId);
            }

            Assert.False(string.IsNullOrWhiteSpace(c.Provider));
            Assert.False(string.IsNullOrWhiteSpace(c.Target));
            Assert.False(string.IsNullOrWhiteSpace(c.StatedReason));
        });
    }

    [Fact]
    public void Cases_join_to_the_owner_at_the_time()
    {
        Assert.Contains(History.ForCompany("alphabet"), c => c.Provider == "Google Domains");
        Assert.Contains(History.ForCompany("amazon"), c => c.Provider == "AmazonSmile");
        Assert.Contains(History.ForCompany("sendgrid"), c => c.Provider == "SendGrid");
        Assert.Contains(History.ForCompany("visa-europe"), c => c.Provider == "Visa Europe");
        Assert.Equal(4, History.ForCompany("cloudflare").Count);
        Assert.Empty(History.ForCompany("no-such-company"));
    }

    [Fact]
    public void A_later_buyer_is_never_joined_to_the_sellers_cases()
    {
        Assert.DoesNotContain(History.ForCompany("squarespace"), c => c.Provider == "Google Domains");
        Assert.DoesNotContain(History.ForCompany("twilio"), c => c.Provider == "SendGrid");
        Assert.DoesNotContain(History.ForCompany("visa"), c => c.Provider == "Visa Europe");
    }

    [Fact]
    public void Every_owner_change_is_dated_after_its_case_and_sourced()
    {
        var changed = History.Cases.Where(c => c.OwnerChange is not null).ToList();
        Assert.Equal(3, changed.Count);
        Assert.All(changed, c =>
        {
            Assert.True(c.OwnerChange!.Date > (c.DateEnd ?? c.Date), c.ToString());
            Assert.StartsWith("https://", c.OwnerChange.Source, StringComparison.Ordinal);
            Assert.NotEqual(c.CompanyId, c.OwnerChange.CompanyId);
        });
        var googleDomains = History.Cases.Single(c => c.Provider == "Google Domains");
        Assert.Equal(("squarespace", new DateOnly(2023, 9, 7)), (googleDomains.CurrentOwnerId, googleDomains.OwnerChange!.Date));
    }

    [Fact]
    public void Loading_refuses_an_owner_change_before_the_case()
    {
        using var stream = new MemoryStream("""[{"date":"2020-01-01","provider":"X","companyId":"x","ownerChange":{"companyId":"y","date":"2019-01-01","source":"https://example.org"},"layers":["dns"],"service":"dns","target":"t","statedReason":"r","sources":["https://example.org"]}]"""u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => TerminationHistory.Load(stream));
        Assert.Contains("belongs to y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_refuses_an_owner_named_without_a_date()
    {
        using var stream = new MemoryStream("""[{"date":"2020-01-01","provider":"X","companyId":"x","currentOwnerId":"y","layers":["dns"],"service":"dns","target":"t","statedReason":"r","sources":["https://example.org"]}]"""u8.ToArray());
        Assert.Throws<System.Text.Json.JsonException>(() => TerminationHistory.Load(stream));
    }

    [Fact]
    public void Cases_of_the_same_provider_target_and_date_are_not_repeated()
    {
        var keys = History.Cases.Select(c => (c.Date, c.Provider, c.Target)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void App_store_removals_have_no_layer()
    {
        var appStores = History.Cases.Where(c => c.Service == "app store").ToList();
        Assert.Equal(4, appStores.Count);
        Assert.All(appStores, c => Assert.Empty(c.Layers));
    }

    [Fact]
    public void Summary_counts_cases_at_a_layer()
    {
        var cdn = History.Summarize("cloudflare", Layer.Cdn);
        var dns = History.Summarize("cloudflare", Layer.Dns);

        Assert.Equal(4, cdn.Count);
        Assert.StartsWith("cloudflare ended service to customers 4 times at the cdn layer (2017-08-16: Daily Stormer;", cdn.Text, StringComparison.Ordinal);
        Assert.Equal(1, dns.Count);
        Assert.Contains("once at the dns layer", dns.Text, StringComparison.Ordinal);
        Assert.Equal(3, History.Summarize("godaddy", Layer.Registration).Count + History.Summarize("godaddy", Layer.Hosting).Count);
    }

    [Fact]
    public void Summary_without_cases_does_not_claim_absence()
    {
        var summary = History.Summarize("isrg", Layer.Tls);
        Assert.Equal(0, summary.Count);
        Assert.Contains("in the data set", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_rejects_unknown_layers()
    {
        using var stream = new MemoryStream("""[{"date":"2020-01-01","provider":"X","companyId":"x","layers":["moon"],"service":"s","target":"t","statedReason":"r","sources":["https://example.org"]}]"""u8.ToArray());
        Assert.Throws<System.Text.Json.JsonException>(() => TerminationHistory.Load(stream));
    }
}
