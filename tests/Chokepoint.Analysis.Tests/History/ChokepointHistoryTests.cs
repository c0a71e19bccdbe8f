using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;

namespace Chokepoint.Analysis.Tests.History;

/// <summary>The history a chokepoint shows: the company's own cases, about the roles it plays for the site, each once.</summary>
public sealed class ChokepointHistoryTests
{
    private static Dependency Dep(string company, string service, string? parent = null) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", parent),
        Owner = parent is null ? null : new EntityRef(parent, parent + " Corp.", null),
        Service = Vocabulary.Parse<ServiceKind>(service),
        Classification = Classification.ThirdParty,
        Evidence = [new Evidence("test", company)],
    };

    private static ChokepointReport Chokepoint(AuditReport report, string companyId) =>
        ReportAnalyzer.Default.Complete(report).Chokepoints.Single(c => c.Entity.Id == companyId);

    [Fact]
    public void A_registrars_cases_are_not_shown_for_its_dns_service()
    {
        var godaddy = Chokepoint(Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("gandi", "registrar")),
            (Layer.Dns, Dep("godaddy", "dns"))), "godaddy");

        Assert.Empty(godaddy.History);
    }

    [Fact]
    public void A_registrars_cases_are_shown_for_its_registrar_role()
    {
        var godaddy = Chokepoint(Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("godaddy", "registrar")),
            (Layer.Dns, Dep("cloudflare", "dns"))), "godaddy");

        Assert.Contains(godaddy.History, line => line.Contains("GoDaddy (registrar): gab.com", StringComparison.Ordinal));
        Assert.DoesNotContain(godaddy.History, line => line.Contains("prolifewhistleblower", StringComparison.Ordinal));
    }

    [Fact]
    public void A_buyer_does_not_inherit_the_sellers_cases()
    {
        // Squarespace bought Google Domains' registrations in 2023; the 2017 case was Google's decision.
        var squarespace = Chokepoint(Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("squarespace", "registrar")),
            (Layer.Dns, Dep("cloudflare", "dns"))), "squarespace");

        Assert.DoesNotContain(squarespace.History, line => line.Contains("Google Domains", StringComparison.Ordinal));
    }

    [Fact]
    public void The_company_that_ran_the_service_keeps_its_case()
    {
        var alphabet = Chokepoint(Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("google", "registrar", "alphabet")),
            (Layer.Dns, Dep("cloudflare", "dns"))), "alphabet");

        Assert.Contains(alphabet.History, line => line.Contains("Google Domains (registrar): Daily Stormer", StringComparison.Ordinal));
    }

    [Fact]
    public void App_store_removals_are_not_a_certificate_authoritys_record()
    {
        var alphabet = Chokepoint(Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("gandi", "registrar")),
            (Layer.Dns, Dep("cloudflare", "dns")),
            (Layer.Tls, Dep("google", "ca", "alphabet"))), "alphabet");

        Assert.Empty(alphabet.History);
    }

    [Fact]
    public void App_store_removals_are_not_a_hosting_companys_record()
    {
        var apple = Chokepoint(Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("gandi", "registrar")),
            (Layer.Dns, Dep("cloudflare", "dns")),
            (Layer.Hosting, Dep("apple", "hosting"))), "apple");

        Assert.DoesNotContain(apple.History, line => line.Contains("app store", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_case_about_two_layers_is_printed_once()
    {
        var cloudflare = Chokepoint(Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("gandi", "registrar")),
            (Layer.Dns, Dep("cloudflare", "dns")),
            (Layer.Cdn, Dep("cloudflare", "cdn"))), "cloudflare");

        Assert.Single(cloudflare.History, line => line.Contains("Daily Stormer", StringComparison.Ordinal));
        Assert.Equal(4, cloudflare.History.Count(line => line.StartsWith("  ", StringComparison.Ordinal)));
        Assert.Equal("cloudflare Inc. ended service to customers 4 times at the dns or cdn layer (in the data set)", cloudflare.History[0]);
    }

    [Fact]
    public void The_registry_does_not_show_a_registrars_case_of_the_same_company()
    {
        // GoDaddy also runs TLD registries; its registrar decisions are not a registry's record.
        var godaddy = Chokepoint(Report(
            (Layer.Registration, Dep("godaddy", "registry")),
            (Layer.Registration, Dep("gandi", "registrar")),
            (Layer.Dns, Dep("cloudflare", "dns"))), "godaddy");

        Assert.Empty(godaddy.History);
    }
}
