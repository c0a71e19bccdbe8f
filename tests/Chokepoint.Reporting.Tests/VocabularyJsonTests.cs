using System.Text.Json;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Reporting.Tests;

public sealed class VocabularyJsonTests
{
    private static void RoundTripsEveryValue<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var json = JsonSerializer.Serialize(value, ReportJson.Options);

            Assert.Equal($"\"{value.ToWord()}\"", json);
            Assert.Equal(value, JsonSerializer.Deserialize<TEnum>(json, ReportJson.Options));
            Assert.Equal(value, Vocabulary.Parse<TEnum>(value.ToWord()));
        }

        Assert.Equal(Enum.GetValues<TEnum>().Length, Vocabulary.Words<TEnum>().Distinct().Count());
    }

    [Fact]
    public void Every_vocabulary_value_round_trips_through_its_word()
    {
        RoundTripsEveryValue<Layer>();
        RoundTripsEveryValue<ServiceKind>();
        RoundTripsEveryValue<Classification>();
        RoundTripsEveryValue<Severity>();
        RoundTripsEveryValue<Importance>();
        RoundTripsEveryValue<NameServerState>();
        RoundTripsEveryValue<UpstreamReason>();
        RoundTripsEveryValue<AutomationReason>();
        RoundTripsEveryValue<HostRole>();
        RoundTripsEveryValue<ResourceKind>();
        RoundTripsEveryValue<SellerRelationship>();
    }

    [Theory]
    [InlineData(ServiceKind.MailSending, "mail-sending")]
    [InlineData(ServiceKind.ThirdPartyResource, "third-party-resource")]
    [InlineData(ServiceKind.Ca, "ca")]
    public void Words_are_the_report_formats_kebab_case(ServiceKind kind, string word) =>
        Assert.Equal(word, kind.ToWord());

    [Theory]
    [InlineData("\"dnss\"")]
    [InlineData("\"DNS\"")]
    [InlineData("1")]
    public void An_unknown_word_is_rejected_with_the_words_that_are_known(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Layer>(json, ReportJson.Options));

        Assert.Contains("layer", error.Message, StringComparison.Ordinal);
        Assert.Contains("registration, dns, hosting, cdn, tls, mail, page, money", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_names_the_vocabulary_and_the_word()
    {
        var error = Assert.Throws<FormatException>(() => Vocabulary.Parse<ServiceKind>("webhosting"));

        Assert.StartsWith("unknown service kind 'webhosting' (expected one of registry, registrar,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_is_defined_once_and_every_revenue_path_carries_money()
    {
        Assert.All(ServiceKinds.RevenuePaths, kind => Assert.True(kind.IsRevenue()));
        Assert.True(ServiceKind.AdExchange.IsRevenue());
        Assert.False(ServiceKind.Cdn.IsRevenue());
        Assert.Equal("revenue:donations", ServiceKind.Donations.RevenueFunctionId());
    }
}
