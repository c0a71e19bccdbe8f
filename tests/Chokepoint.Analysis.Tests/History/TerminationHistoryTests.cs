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
    public void Cases_join_to_the_ultimate_owner()
    {
        Assert.Contains(History.ForCompany("alphabet"), c => c.Provider == "Google Domains");
        Assert.Contains(History.ForCompany("amazon"), c => c.Provider == "AmazonSmile");
        Assert.Contains(History.ForCompany("twilio"), c => c.Provider == "SendGrid");
        Assert.Equal(4, History.ForCompany("cloudflare").Count);
        Assert.Empty(History.ForCompany("no-such-company"));
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
