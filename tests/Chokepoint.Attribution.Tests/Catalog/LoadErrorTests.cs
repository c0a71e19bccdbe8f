using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

public sealed class LoadErrorTests
{
    private static CatalogLoadException Fails(params (string Name, string Json)[] files) =>
        Assert.Throws<CatalogLoadException>(() => TestCatalogs.Load(files));

    private static string Provider(string signal, string company = "acme", string service = "dns") => $$"""
        { "companies": [ { "id": "acme", "name": "Acme", "parent": null, "country": "US" } ],
          "providers": [ { "id": "acme-dns", "name": "Acme DNS", "company": "{{company}}", "service": "{{service}}",
                           "signals": [ {{signal}} ] } ] }
        """;

    [Fact]
    public void Identical_companies_in_two_files_merge()
    {
        var catalog = TestCatalogs.Load(("a.json", TestCatalogs.Companies), ("b.json", TestCatalogs.Companies), ("c.json", TestCatalogs.Providers));
        Assert.Equal(8, catalog.Companies.Count);
        Assert.Equal(["a.json", "b.json", "c.json"], catalog.Files);
    }

    [Fact]
    public void Conflicting_companies_name_both_files()
    {
        const string other = """{ "companies": [ { "id": "amazon", "name": "Amazon Inc", "parent": null, "country": "US" } ] }""";
        var ex = Fails(("companies.json", TestCatalogs.Companies), ("web-x.json", other));
        Assert.Contains("companies.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("web-x.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'amazon'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_provider_ids_name_both_files()
    {
        var ex = Fails(("c.json", TestCatalogs.Companies), ("p1.json", TestCatalogs.Providers), ("p2.json", TestCatalogs.Providers));
        Assert.Contains("p1.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("p2.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_company_names_file_and_provider()
    {
        var ex = Fails(("x.json", Provider("""{ "kind": "ns", "pattern": "acme.net", "source": "https://e.org" }""", company: "nobody")));
        Assert.Contains("x.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("acme-dns", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nobody", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "kind": "nameserver", "pattern": "acme.net", "source": "https://e.org" }""", "unknown signal kind 'nameserver'")]
    [InlineData("""{ "kind": "ns", "pattern": "acme.net" }""", "\"source\" is required")]
    [InlineData("""{ "kind": "ns", "pattern": "", "source": "https://e.org" }""", "\"pattern\" is required")]
    [InlineData("""{ "kind": "ns", "pattern": "acme..net", "source": "https://e.org" }""", "acme..net")]
    [InlineData("""{ "kind": "asn", "pattern": "ASX", "source": "https://e.org" }""", "not an AS number")]
    [InlineData("""{ "kind": "affiliate-param", "pattern": "acme.net", "source": "https://e.org" }""", "acme.net")]
    public void Bad_signals_name_file_provider_and_problem(string signal, string expected)
    {
        var ex = Fails(("bad.json", Provider(signal)));
        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("acme-dns", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_service_is_an_error()
    {
        var ex = Fails(("s.json", Provider("""{ "kind": "ns", "pattern": "acme.net", "source": "https://e.org" }""", service: "teleport")));
        Assert.Contains("unknown service 'teleport'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        var ex = Fails(("broken.json", "{ \"companies\": ["));
        Assert.Contains("broken.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_parent_and_cycles_are_errors()
    {
        var missing = Fails(("m.json", """{ "companies": [ { "id": "a", "name": "A", "parent": "ghost" } ] }"""));
        Assert.Contains("ghost", missing.Message, StringComparison.Ordinal);
        var cycle = Fails(("c.json", """{ "companies": [ { "id": "a", "name": "A", "parent": "b" }, { "id": "b", "name": "B", "parent": "a" } ] }"""));
        Assert.Contains("cycle", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_ids_are_errors()
    {
        var ex = Fails(("i.json", """{ "companies": [ { "id": "Acme Corp", "name": "A" } ] }"""));
        Assert.Contains("kebab", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_claimed_by_two_providers_are_reported()
    {
        const string twice = """
            { "companies": [ { "id": "acme", "name": "Acme" } ],
              "providers": [
                { "id": "one", "name": "One", "company": "acme", "service": "dns",
                  "signals": [ { "kind": "ns", "pattern": "acme.net", "source": "https://e.org" } ] },
                { "id": "two", "name": "Two", "company": "acme", "service": "dns",
                  "signals": [ { "kind": "ns", "pattern": "ACME.net.", "source": "https://e.org" } ] } ] }
            """;
        var catalog = TestCatalogs.Load(("t.json", twice));
        var ambiguity = Assert.Single(catalog.Ambiguities);
        Assert.Contains("'one'", ambiguity, StringComparison.Ordinal);
        Assert.Contains("'two'", ambiguity, StringComparison.Ordinal);
        Assert.Equal("one", catalog.Match(SignalKind.Ns, "x.acme.net")?.Provider.Id);
    }
}
