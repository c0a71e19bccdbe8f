using Chokepoint.Attribution.Audit;
using Chokepoint.Model;
using Chokepoint.Naming;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Registration;

namespace Chokepoint.Attribution.Tests.Audit;

/// <summary>
/// A site's own nameservers under a sibling domain are private when the RDAP registrations of the two domains show
/// one holder: the same registrant organisation, or the same registrar of record and registrant handle. Withheld data,
/// privacy services and a shared registrar alone are no tie.
/// </summary>
public sealed class RdapRegistrantTieTests
{
    private static readonly PublicSuffixList Suffixes = PublicSuffixList.FromRules(["com", "org", "net", "uk", "co.uk"]);

    private static readonly ReportAttributor Attributor = new(TestCatalog.Lookup, Suffixes);

    private const string Rdap = "https://rdap.example/";

    private static RegistrantObservation Org(string? organisation, string? handle = null, bool redacted = false) =>
        new() { Organisation = organisation, Handle = handle, Redacted = redacted };

    private static RegistrationObservation Site(RegistrantObservation? registrant, int? ianaId = 81, string registrar = "Gandi SAS") =>
        new() { Tld = "com", RdapService = Rdap, RegistrarName = registrar, RegistrarIanaId = ianaId, Registrant = registrant };

    private static NameServerDomainObservation Sibling(RegistrantObservation? registrant, int? ianaId = 1068, string registrar = "NameCheap, Inc.", string domain = "group.net") =>
        new() { Domain = domain, NameServers = ["ns1." + domain, "ns2." + domain], RdapService = Rdap, RegistrarName = registrar, RegistrarIanaId = ianaId, Registrant = registrant };

    /// <summary>The site's SOA and the sibling zone's name the group, never the site: only RDAP can tie them.</summary>
    private static Dependency Dns(RegistrationObservation? site, params NameServerDomainObservation[] siblings) =>
        Dns(site, siblings.Length == 0 ? null : [.. siblings], "ns1.group.net", "ns2.group.net");

    private static Dependency Dns(RegistrationObservation? site, List<NameServerDomainObservation>? siblings, params string[] hosts)
    {
        const string GroupSoa = "ns1.group.net. hostmaster.group.net. 1 7200 3600 1209600 300";
        var report = Attributor.Attribute(new SiteObservations
        {
            Domain = "site.com",
            Registration = site,
            NameServerDomains = siblings,
            Dns = new DnsObservation
            {
                Soa = new RecordSetObservation { Values = [GroupSoa] },
                NameServers = [.. hosts.Select(host => new NameServerObservation { Host = host, AtParent = true, AtChild = true, State = "authoritative", OwnZoneSoa = "ns1.group.net. hostmaster.group.net" })],
            },
        });
        return Assert.Single(report.Layers.Single(l => l.Layer == Layer.Dns).Dependencies);
    }

    [Fact]
    public void The_same_registrant_organisation_written_differently_ties_the_sibling_at_another_registrar()
    {
        var dns = Dns(Site(Org("Harborview Group B.V.")), Sibling(Org("HARBORVIEW GROUP BV")));

        Assert.Equal(Classification.Private, dns.Classification);
        Assert.Equal("self:site.com", dns.Entity.Id);
        var tie = Assert.Single(dns.Evidence, e => e.Signal == "rdap-registrant");
        Assert.Equal(RegistrantTies.SameOrganisation, tie.Rule);
        Assert.Equal("group.net: HARBORVIEW GROUP BV", tie.Value);
    }

    [Fact]
    public void The_same_registrar_and_registrant_handle_tie_the_sibling_without_an_organisation()
    {
        var dns = Dns(Site(Org(null, "HG-2201"), ianaId: 81), Sibling(Org(null, "hg-2201"), ianaId: 81, registrar: "Gandi SAS"));

        Assert.Equal(Classification.Private, dns.Classification);
        Assert.Equal(RegistrantTies.SameRegistrarAndHandle, Assert.Single(dns.Evidence, e => e.Signal == "rdap-registrant").Rule);
    }

    [Fact]
    public void The_same_handle_at_another_registrar_is_no_tie()
    {
        var dns = Dns(Site(Org(null, "HG-2201"), ianaId: 81), Sibling(Org(null, "HG-2201"), ianaId: 1068));

        Assert.Equal(Classification.Unknown, dns.Classification);
    }

    [Fact]
    public void Sharing_only_the_registrar_is_no_tie()
    {
        // Millions of unrelated domains share one registrar: GoDaddy and GoDaddy is no evidence of one holder.
        var dns = Dns(Site(Org("Site Corp", "S-1"), ianaId: 146, registrar: "GoDaddy.com, LLC"), Sibling(Org("Other Corp", "O-2"), ianaId: 146, registrar: "GoDaddy.com, LLC"));

        Assert.Equal(Classification.Unknown, dns.Classification);
        Assert.Equal("group.net", dns.Entity.Name);
        Assert.DoesNotContain(dns.Evidence, e => e.Signal == "rdap-registrant");
    }

    [Fact]
    public void Sharing_the_registrar_with_both_registrants_withheld_is_no_tie()
    {
        var dns = Dns(Site(Org(null, redacted: true), ianaId: 146), Sibling(Org(null, redacted: true), ianaId: 146));

        Assert.Equal(Classification.Unknown, dns.Classification);
    }

    [Fact]
    public void A_different_registrant_organisation_is_no_tie()
    {
        var dns = Dns(Site(Org("Harborview Group B.V.")), Sibling(Org("Harborview Logistics Ltd")));

        Assert.Equal(Classification.Unknown, dns.Classification);
    }

    [Theory]
    [InlineData("REDACTED FOR PRIVACY")]
    [InlineData("Privacy service provided by Withheld for Privacy ehf")]
    [InlineData("Domains By Proxy, LLC")]
    [InlineData("Contact Privacy Inc. Customer 0123456")]
    [InlineData("Withheld for Privacy ehf")]
    [InlineData("Privacy service")]
    [InlineData("WhoisGuard, Inc.")]
    [InlineData("Data Protected")]
    public void The_same_privacy_or_placeholder_text_on_both_is_no_tie(string text)
    {
        var dns = Dns(Site(Org(text, text), ianaId: 146), Sibling(Org(text, text), ianaId: 146));

        Assert.Equal(Classification.Unknown, dns.Classification);
        Assert.Null(RegistrantTies.Normalise(text));
    }

    [Fact]
    public void A_sibling_whose_registration_was_not_collected_stays_unknown()
    {
        Assert.Equal(Classification.Unknown, Dns(Site(Org("Harborview Group B.V."))).Classification);
        Assert.Equal(Classification.Unknown, Dns(null, Sibling(Org("Harborview Group B.V."))).Classification);
        Assert.Equal(Classification.Unknown, Dns(Site(null), Sibling(Org("Harborview Group B.V."))).Classification);
    }

    [Fact]
    public void The_registrant_of_another_domain_than_the_nameservers_does_not_tie_them()
    {
        var dns = Dns(Site(Org("Harborview Group B.V.")), Sibling(Org("Harborview Group B.V."), domain: "elsewhere.net"));

        Assert.Equal(Classification.Unknown, dns.Classification);
    }

    [Fact]
    public void A_catalog_providers_nameservers_stay_third_party_whatever_the_registrant()
    {
        var report = Attributor.Attribute(new SiteObservations
        {
            Domain = "site.com",
            Registration = Site(Org("Amazon Technologies, Inc.")),
            NameServerDomains = [Sibling(Org("Amazon Technologies, Inc."), domain: "awsdns-01.org")],
            Dns = new DnsObservation { NameServers = [new NameServerObservation { Host = "ns-1.awsdns-01.org", AtParent = true, AtChild = true, State = "authoritative" }] },
        });

        var dns = Assert.Single(report.Layers.Single(l => l.Layer == Layer.Dns).Dependencies);
        Assert.Equal(Classification.ThirdParty, dns.Classification);
    }

    [Theory]
    [InlineData("Harborview Group B.V.", "harborviewgroupbv")]
    [InlineData("  SOCIETE EDITRICE DU MONDE ", "societeeditricedumonde")]
    [InlineData("Société Éditrice (SA)", "sociétééditricesa")]
    [InlineData("", null)]
    [InlineData(" - . ", null)]
    public void Registrant_text_is_compared_without_case_punctuation_or_space(string text, string? expected) =>
        Assert.Equal(expected, RegistrantTies.Normalise(text));
}
