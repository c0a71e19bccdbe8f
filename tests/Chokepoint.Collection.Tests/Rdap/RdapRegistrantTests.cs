using Chokepoint.Collection.Rdap;
using Chokepoint.Observations.Registration;

namespace Chokepoint.Collection.Tests.Rdap;

/// <summary>
/// The registrant read from RDAP answers, on real registries' answers (shared/fixtures/rdap, SOURCES.md): published
/// values are kept as given, withheld ones are recorded as withheld and never as a value.
/// </summary>
public sealed class RdapRegistrantTests
{
    private static RegistrantObservation? RegistrantOf(string fixture) =>
        RdapDomainParser.Parse(SharedFixtures.Read("rdap", fixture)).Registration!.Registrant;

    [Fact]
    public void A_fr_registrant_published_in_full_is_read_with_its_organisation_name_and_handle()
    {
        var registrant = RegistrantOf("lemonde.fr.json");

        Assert.Equal(new RegistrantObservation { Organisation = "SOCIETE EDITRICE DU MONDE", Name = "SOCIETE EDITRICE du monde", Handle = "SEDM254-FRNIC", Redacted = false }, registrant);
    }

    [Fact]
    public void An_empty_organisation_is_not_recorded_as_one()
    {
        var registrant = RegistrantOf("domain_afnic_fr.json");

        Assert.Equal(new RegistrantObservation { Organisation = null, Name = "ASS FRANC NOMMAGE INTERNET EN COOP", Handle = "AFNI30-FRNIC", Redacted = false }, registrant);
    }

    [Fact]
    public void A_registrant_withheld_for_privacy_is_recorded_as_withheld_with_no_values_but_its_handle()
    {
        var registrant = RegistrantOf("home.moscow.json");

        Assert.NotNull(registrant);
        Assert.True(registrant.Redacted);
        Assert.Null(registrant.Organisation);
        Assert.Null(registrant.Name);
        Assert.EndsWith("_contact-FIR", registrant.Handle, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partly_withheld_registrant_keeps_the_organisation_it_publishes()
    {
        // ICANN's policy lets the organisation be published while the person's data is withheld.
        var registrant = RegistrantOf("microsoft.click.json");

        Assert.Equal(new RegistrantObservation { Organisation = "Microsoft Corporation", Redacted = true }, registrant);
    }

    [Theory]
    [InlineData("google.com.json")]
    [InlineData("norway.no.json")]
    [InlineData("parked-domain.eu.json")]
    public void An_answer_naming_no_registrant_has_none(string fixture) => Assert.Null(RegistrantOf(fixture));

    [Fact]
    public void Placeholders_and_rfc_9537_redactions_are_withheld_values_not_values()
    {
        var result = RdapDomainParser.Parse("""
            {"objectClassName": "domain", "ldhName": "example.com",
             "entities": [{"objectClassName": "entity", "handle": "REDACTED FOR PRIVACY", "roles": ["registrant"],
               "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Redacted"], ["org", {}, "text", "REDACTED FOR PRIVACY"]]]}]}
            """);
        var declared = RdapDomainParser.Parse("""
            {"objectClassName": "domain", "ldhName": "example.com",
             "entities": [{"objectClassName": "entity", "roles": ["registrant"], "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", ""]]]}],
             "redacted": [{"name": {"type": "Registrant Organization"}, "method": "removal"}]}
            """);

        Assert.Equal(new RegistrantObservation { Redacted = true }, result.Registration!.Registrant);
        Assert.Equal(new RegistrantObservation { Redacted = true }, declared.Registration!.Registrant);
    }
}
