using Chokepoint.Collection.Rdap;

namespace Chokepoint.Collection.Tests.Rdap;

public sealed class RdapDomainParserTests
{
    private static RdapDomainParseResult ParseFixture(string name) =>
        RdapDomainParser.Parse(SharedFixtures.Read("rdap", name));

    /// <summary>Regression (found by fuzzing): an escaped unpaired surrogate in a string threw InvalidOperationException.</summary>
    [Fact]
    public void A_string_holding_an_unpaired_surrogate_is_read_as_absent_instead_of_throwing()
    {
        var result = RdapDomainParser.Parse("""
            {"objectClassName": "domain", "ldhName": "example.com", "status": ["active", "\ud800"],
             "entities": [{"roles": ["registrar"], "vcardArray": ["vcard", [["fn", {}, "text", "\udc00Registrar"]]]}]}
            """);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["active"], result.Registration!.Status);
    }

    [Fact]
    public void Google_com_gives_markmonitor_with_iana_id_and_abuse_email()
    {
        var result = ParseFixture("google.com.json");

        Assert.True(result.Succeeded, result.Error);
        var registration = result.Registration!;
        Assert.Equal("google.com", result.Domain);
        Assert.Equal("com", registration.Tld);
        Assert.Equal("MarkMonitor Inc.", registration.RegistrarName);
        Assert.Equal(292, registration.RegistrarIanaId);
        Assert.Equal("abusecomplaints@markmonitor.com", registration.RegistrarAbuseEmail);
        Assert.Contains("client transfer prohibited", registration.Status);
        Assert.Equal(6, registration.Status.Count);
        Assert.Equal(new DateTimeOffset(1997, 9, 15, 4, 0, 0, TimeSpan.Zero), registration.Created);
        Assert.Equal(new DateTimeOffset(2028, 9, 14, 4, 0, 0, TimeSpan.Zero), registration.Expires);
        Assert.Null(registration.LastChanged);
        Assert.Equal(["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"], registration.NameServers);
        // The fixture repeats "secureDNS"; the last member wins, as in JavaScript.
        Assert.True(registration.DelegationSigned);
        Assert.Equal(new Uri("https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM"), result.RegistrarRdapUrl);
    }

    [Fact]
    public void Lemonde_fr_gives_nameshield_and_last_changed()
    {
        var registration = ParseFixture("lemonde.fr.json").Registration!;

        Assert.Equal("fr", registration.Tld);
        Assert.Equal("NAMESHIELD", registration.RegistrarName);
        Assert.Equal(1251, registration.RegistrarIanaId);
        Assert.Null(registration.RegistrarAbuseEmail);
        Assert.Equal(new DateTimeOffset(2005, 8, 2, 14, 16, 36, TimeSpan.Zero), registration.Created);
        Assert.Equal(new DateTimeOffset(2025, 6, 9, 22, 8, 9, TimeSpan.Zero), registration.Expires);
        Assert.Equal(new DateTime(2024, 6, 12, 22, 9, 39, DateTimeKind.Utc), registration.LastChanged!.Value.UtcDateTime.AddTicks(-(registration.LastChanged.Value.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(4, registration.NameServers.Count);
        Assert.All(registration.NameServers, ns => Assert.EndsWith(".googledomains.com", ns, StringComparison.Ordinal));
        Assert.Null(registration.DelegationSigned);
        Assert.Contains("server delete prohibited", registration.Status);
    }

    [Fact]
    public void Microsoft_click_finds_registrar_without_public_ids_and_its_nested_abuse_contact()
    {
        var registration = ParseFixture("microsoft.click.json").Registration!;

        Assert.Equal("click", registration.Tld);
        Assert.Equal("MarkMonitor Inc.", registration.RegistrarName);
        Assert.Null(registration.RegistrarIanaId);
        Assert.Equal("abusecomplaints@markmonitor.com", registration.RegistrarAbuseEmail);
        Assert.Equal(new DateTimeOffset(2023, 10, 17, 10, 47, 21, 733, TimeSpan.Zero), registration.LastChanged);
        Assert.False(registration.DelegationSigned);
        Assert.Contains("ns1-08.azure-dns.com", registration.NameServers);
    }

    [Fact]
    public void Home_moscow_gives_reg_ru_and_its_abuse_email()
    {
        var registration = ParseFixture("home.moscow.json").Registration!;

        Assert.Equal("moscow", registration.Tld);
        Assert.Equal("Limited Liability Company \"Registrar of domain names REG.RU\"", registration.RegistrarName);
        Assert.Equal(1606, registration.RegistrarIanaId);
        Assert.NotNull(registration.RegistrarAbuseEmail);
        Assert.Contains('@', registration.RegistrarAbuseEmail);
        Assert.Equal(["ns1.reg.ru", "ns2.reg.ru"], registration.NameServers);
        Assert.Equal(new DateTimeOffset(2024, 10, 19, 19, 28, 12, TimeSpan.Zero), registration.Expires);
        Assert.Equal(["client transfer prohibited"], registration.Status);
    }

    [Fact]
    public void Afnic_fr_reads_registrar_with_roles_in_other_order()
    {
        var registration = ParseFixture("domain_afnic_fr.json").Registration!;

        Assert.Equal("Registry Operations", registration.RegistrarName);
        Assert.Equal(9999, registration.RegistrarIanaId);
        Assert.Equal(["active"], registration.Status);
        Assert.Equal(["ns2.nic.fr", "ns1.nic.fr", "ns3.nic.fr"], registration.NameServers);
        Assert.Equal(new DateTimeOffset(2029, 7, 18, 8, 26, 59, TimeSpan.Zero), registration.Expires);
    }

    [Fact]
    public void Norway_no_has_registrar_but_no_iana_id_no_status_and_no_expiry()
    {
        var registration = ParseFixture("norway.no.json").Registration!;

        Assert.Equal("no", registration.Tld);
        Assert.Equal("Domeneshop AS", registration.RegistrarName);
        Assert.Null(registration.RegistrarIanaId);
        Assert.Empty(registration.Status);
        Assert.Null(registration.Expires);
        Assert.Equal(new DateTimeOffset(2017, 1, 24, 12, 9, 23, TimeSpan.Zero), registration.Created);
        Assert.Equal(4, registration.NameServers.Count);
    }

    [Fact]
    public void Parked_domain_reads_the_described_domain_and_parking_nameservers()
    {
        var result = ParseFixture("parked-domain.eu.json");

        Assert.Equal("themarquetry.com", result.Domain);
        Assert.Equal("Hosting Concepts B.V. d/b/a Registrar.eu", result.Registration!.RegistrarName);
        Assert.Equal(1647, result.Registration.RegistrarIanaId);
        Assert.Equal("abuse@registrar.eu", result.Registration.RegistrarAbuseEmail);
        Assert.Equal(["ns1.dns-parking.com", "ns2.dns-parking.com"], result.Registration.NameServers);
        Assert.Equal(new Uri("https://rdap.registrar.eu/v1/domain/THEMARQUETRY.COM"), result.RegistrarRdapUrl);
    }

    [Fact]
    public void Ripe_error_response_is_a_clear_error()
    {
        var result = ParseFixture("error_ripe_net.json");

        Assert.False(result.Succeeded);
        Assert.Null(result.Registration);
        Assert.Contains("501", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nameserver not supported", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nameserver_object_is_not_a_domain()
    {
        var result = ParseFixture("nameserver_ns1_nic_fr.json");

        Assert.False(result.Succeeded);
        Assert.Contains("nameserver", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public void Invalid_json_is_an_error_not_an_exception(string text)
    {
        var result = RdapDomainParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Explicit_tld_is_kept()
    {
        var result = RdapDomainParser.Parse("""{"objectClassName":"domain","ldhName":"example.co.uk"}""", "co.uk");

        Assert.Equal("co.uk", result.Registration!.Tld);
        Assert.Null(result.Registration.RegistrarName);
    }
}
