using Chokepoint.Observations.Registration;

namespace Chokepoint.Observations.Tests;

/// <summary>
/// The registrations of the nameservers' other domains and the registrant in the observations format: files written
/// before them still read (null: not collected), new ones read back equal, and wrong values are refused by path.
/// </summary>
public sealed class NameServerDomainsFormatTests
{
    private const string OldFile = """
        {"format": "chokepoint-observations", "formatVersion": 2, "domain": "site.org", "collectedAt": "2026-01-05T00:00:00+00:00",
         "registration": {"tld": "org", "registrarName": "Gandi SAS", "registrarIanaId": 81},
         "unobserved": []}
        """;

    [Fact]
    public void A_file_written_before_the_members_reads_them_as_not_collected()
    {
        var site = ObservationsJson.Read(OldFile);

        Assert.Null(site.NameServerDomains);
        Assert.Null(site.Registration!.Registrant);
        Assert.Equal("Gandi SAS", site.Registration.RegistrarName);
    }

    [Fact]
    public void The_registrations_of_the_nameservers_domains_and_the_registrants_read_back_equal()
    {
        var original = ObservationsJson.Read(OldFile) with
        {
            Registration = new RegistrationObservation { Tld = "org", Registrant = new RegistrantObservation { Organisation = "Harborview Group B.V.", Handle = "C4471" } },
            NameServerDomains =
            [
                new NameServerDomainObservation
                {
                    Domain = "group.net",
                    NameServers = ["ns1.group.net", "ns2.group.net"],
                    RdapService = "https://rdap.verisign.com/net/v1/",
                    RegistrarName = "NameCheap, Inc.",
                    RegistrarIanaId = 1068,
                    Registrant = new RegistrantObservation { Redacted = true },
                    Provenance = new Provenance("rdap https://rdap.verisign.com/net/v1/", DateTimeOffset.Parse("2026-01-05T00:00:01+00:00", System.Globalization.CultureInfo.InvariantCulture)),
                },
            ],
        };

        var json = ObservationsJson.Serialize(original);
        var read = ObservationsJson.Read(json);

        Assert.Contains("\"nameServerDomains\"", json, StringComparison.Ordinal);
        Assert.Contains("\"redacted\": true", json, StringComparison.Ordinal);
        Assert.Equal(ObservationsJson.Serialize(original), ObservationsJson.Serialize(read));
        Assert.Equal(original.NameServerDomains[0].Registrant, read.NameServerDomains![0].Registrant);
        Assert.Equal(original.Registration.Registrant, read.Registration!.Registrant);
    }

    [Fact]
    public void An_empty_list_says_collected_and_none_found()
    {
        var read = ObservationsJson.Read(OldFile.Replace("\"unobserved\": []", "\"nameServerDomains\": [], \"unobserved\": []", StringComparison.Ordinal));

        Assert.NotNull(read.NameServerDomains);
        Assert.Empty(read.NameServerDomains);
    }

    [Theory]
    [InlineData("{\"domain\": \"not a name\"}", "nameServerDomains[0].domain")]
    [InlineData("{\"domain\": \"group.net\", \"nameServers\": [\"ns 1\"]}", "nameServerDomains[0].nameServers[0]")]
    [InlineData("{\"domain\": \"group.net\", \"registrarIanaId\": -1}", "nameServerDomains[0].registrarIanaId")]
    [InlineData("{\"nameServers\": []}", "nameServerDomains[0].domain")]
    [InlineData("{\"domain\": \"group.net\", \"registrant\": {\"redacted\": \"yes\"}}", "nameServerDomains[0].registrant.redacted")]
    public void A_wrong_value_is_refused_with_its_path(string entry, string path)
    {
        var error = Assert.Throws<ObservationsFormatException>(() =>
            ObservationsJson.Read(OldFile.Replace("\"unobserved\": []", $"\"nameServerDomains\": [{entry}], \"unobserved\": []", StringComparison.Ordinal)));

        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
    }
}
