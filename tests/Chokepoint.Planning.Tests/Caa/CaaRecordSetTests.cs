using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Caa;

public sealed class CaaRecordSetTests
{
    [Fact]
    public void Adds_a_second_ca_to_an_existing_set()
    {
        var set = CaaRecordSet.AddSecondCa([new CaaRecord(0, "issue", "letsencrypt.org")], "letsencrypt.org", "pki.goog").Build();

        Assert.Equal([new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "issue", "pki.goog")], set);
        Assert.True(CaaValidator.Validate(set).IsValid);
    }

    [Fact]
    public void Empty_set_keeps_the_current_ca_allowed()
    {
        var set = CaaRecordSet.AddSecondCa([], "letsencrypt.org", "pki.goog").Iodef("mailto:security@example.org").Build();

        Assert.Equal(["issue letsencrypt.org", "issue pki.goog", "iodef mailto:security@example.org"], set.Select(r => $"{r.Tag} {r.Value}").ToArray());
    }

    [Fact]
    public void Wildcard_issuers_get_the_second_ca_too_but_a_wildcard_ban_stays()
    {
        var withWild = CaaRecordSet.AddSecondCa([new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "issuewild", "letsencrypt.org")], null, "pki.goog").Build();
        var banned = CaaRecordSet.AddSecondCa([new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "issuewild", ";")], null, "pki.goog").Build();

        Assert.Contains(new CaaRecord(0, "issuewild", "pki.goog"), withWild);
        Assert.DoesNotContain(new CaaRecord(0, "issuewild", "pki.goog"), banned);
        Assert.Contains(new CaaRecord(0, "issuewild", ";"), banned);
    }

    [Fact]
    public void Parameters_and_duplicates()
    {
        var set = new CaaRecordSet()
            .Issue("LetsEncrypt.org", ("accounturi", "https://acme-v02.api.letsencrypt.org/acme/acct/1"))
            .Issue("pki.goog")
            .Issue("pki.goog")
            .ForbidWildcards()
            .Build();

        Assert.Equal(3, set.Count);
        Assert.Equal("letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1", set[0].Value);
        Assert.Equal(";", set[2].Value);
        Assert.True(CaaValidator.Validate(set).IsValid, string.Join("\n", CaaValidator.Validate(set).Problems));
    }

    [Fact]
    public void Zone_records_round_trip_through_a_master_file()
    {
        var records = new CaaRecordSet().Issue("letsencrypt.org").Iodef("mailto:security@example.org").ToZoneRecords("example.org", 3600);

        var parsed = ZoneFileParser.Parse(ZoneFileWriter.Write(new ZoneFile("example.org", 3600, records)));

        Assert.Equal(records, parsed.Records);
        Assert.Equal(new CaaRecord(0, "iodef", "mailto:security@example.org"), CaaRecord.FromZoneRecord(parsed.Records[1]));
    }
}
