using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Chokepoint.Simulation.Rdap;
using Chokepoint.Simulation.Tests.Web;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Tests.Rdap;

public sealed class RdapServerTests
{
    [Fact]
    public async Task Bootstrap_lists_every_registry_in_the_iana_format()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create(), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(rdap.BootstrapUri));

        Assert.Equal($"http://127.0.0.1:{rdap.Port}/bootstrap/dns.json", rdap.BootstrapUri.ToString());
        Assert.Equal("1.0", document.RootElement.GetProperty("version").GetString());
        var services = document.RootElement.GetProperty("services").EnumerateArray()
            .ToDictionary(s => s[0][0].GetString()!, s => s[1][0].GetString()!);
        Assert.Equal($"http://127.0.0.1:{rdap.Port}/rdap/test/", services["test"]);
        Assert.Equal($"http://127.0.0.1:{rdap.Port}/rdap/example/", services["example"]);
        Assert.Equal(2, services.Count);
    }

    [Fact]
    public async Task Domain_answer_is_shaped_as_a_registry_answers()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create(), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/SHOP.test"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rdap+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("domain", root.GetProperty("objectClassName").GetString());
        Assert.Equal("shop.test", root.GetProperty("ldhName").GetString());
        Assert.EndsWith("_DOMAIN_TEST-SIM", root.GetProperty("handle").GetString(), StringComparison.Ordinal);
        Assert.Equal(["client transfer prohibited", "client delete prohibited"], Strings(root.GetProperty("status")));
        var events = root.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("eventAction").GetString()!, e => e.GetProperty("eventDate").GetDateTimeOffset());
        Assert.Equal(TestWorld.Created, events["registration"]);
        Assert.Equal(TestWorld.Expires, events["expiration"]);
        Assert.Equal(TestWorld.Updated, events["last changed"]);
        Assert.Equal(["ns1.dns.example", "ns2.dns.example"],
            root.GetProperty("nameservers").EnumerateArray().Select(n => n.GetProperty("ldhName").GetString()!));
        Assert.True(root.GetProperty("secureDNS").GetProperty("delegationSigned").GetBoolean());
        Assert.Contains("rdap_level_0", Strings(root.GetProperty("rdapConformance")));
        Assert.NotEmpty(root.GetProperty("notices").EnumerateArray());

        var registrar = root.GetProperty("entities")[0];
        Assert.Equal(["registrar"], Strings(registrar.GetProperty("roles")));
        Assert.Equal("IANA Registrar ID", registrar.GetProperty("publicIds")[0].GetProperty("type").GetString());
        Assert.Equal("1234", registrar.GetProperty("publicIds")[0].GetProperty("identifier").GetString());
        Assert.Equal("Names, Inc.", VCardValue(registrar, "fn"));
        var abuse = registrar.GetProperty("entities")[0];
        Assert.Equal(["abuse"], Strings(abuse.GetProperty("roles")));
        Assert.Equal("abuse@names.example", VCardValue(abuse, "email"));

        var links = root.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
        Assert.Equal($"http://127.0.0.1:{rdap.Port}/rdap/test/domain/shop.test", links["self"]);
        Assert.Equal($"http://127.0.0.1:{rdap.Port}/registrar-rdap/names/domain/shop.test", links["related"]);
    }

    [Fact]
    public async Task Domain_answer_has_the_members_and_registrar_entity_members_of_a_real_registry_answer()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create(), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();
        using var real = JsonDocument.Parse(await File.ReadAllTextAsync(SharedFixtures.Path("rdap", "google.com.json")));

        using var ours = JsonDocument.Parse(await http.GetStringAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/shop.test")));

        Assert.Empty(Members(real.RootElement).Except(Members(ours.RootElement)));
        Assert.Empty(Members(real.RootElement.GetProperty("entities")[0]).Except(Members(ours.RootElement.GetProperty("entities")[0])));
    }

    [Fact]
    public async Task Related_link_leads_to_the_registrar_answer()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create(), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();
        using var registry = JsonDocument.Parse(await http.GetStringAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/shop.test")));
        var related = registry.RootElement.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "related");

        using var registrar = JsonDocument.Parse(await http.GetStringAsync(related.GetProperty("href").GetString()));
        using var notSponsored = await http.GetAsync(new Uri(rdap.GetRegistrarBaseUri("names"), "domain/held.test"));

        Assert.Equal("shop.test", registrar.RootElement.GetProperty("ldhName").GetString());
        Assert.Equal(related.GetProperty("href").GetString(),
            registrar.RootElement.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "self").GetProperty("href").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notSponsored.StatusCode);
    }

    [Fact]
    public async Task Status_active_and_hold_and_no_related_link_without_a_registrar_rdap_host()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create(), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();

        using var held = JsonDocument.Parse(await http.GetStringAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/held.test")));
        using var blog = JsonDocument.Parse(await http.GetStringAsync(new Uri(rdap.GetRegistryBaseUri("example"), "domain/blog.example")));

        Assert.Equal(["client hold"], Strings(held.RootElement.GetProperty("status")));
        Assert.Equal(["active"], Strings(blog.RootElement.GetProperty("status")));
        Assert.DoesNotContain(held.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "related");
        Assert.False(held.RootElement.GetProperty("entities")[0].TryGetProperty("entities", out _));
        Assert.False(held.RootElement.GetProperty("secureDNS").GetProperty("delegationSigned").GetBoolean());
    }

    [Theory]
    [InlineData("test", "nothing.test")]
    [InlineData("example", "shop.test")]
    [InlineData("zz", "shop.zz")]
    public async Task Unknown_names_answer_404_with_an_rdap_error(string tld, string name)
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create(), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(rdap.GetRegistryBaseUri(tld), "domain/" + name));
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/rdap+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, error.RootElement.GetProperty("errorCode").GetInt32());
        Assert.NotEmpty(error.RootElement.GetProperty("description").EnumerateArray());
    }

    [Fact]
    public async Task Rdap_404_fault_hides_registered_names_of_that_registry_only()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create().WithFault("rdap:test", FaultKinds.Rdap404), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();

        using var hidden = await http.GetAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/shop.test"));
        using var other = await http.GetAsync(new Uri(rdap.GetRegistryBaseUri("example"), "domain/blog.example"));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Rdap_429_fault_answers_too_many_requests_with_retry_after()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create().WithFault("rdap:test", FaultKinds.Rdap429, delayMs: 2500), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/shop.test"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(429, error.RootElement.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task Rdap_invalid_json_fault_answers_200_with_a_body_that_does_not_parse()
    {
        await using var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create().WithFault("rdap:test", FaultKinds.RdapInvalidJson), new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/shop.test"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"objectClassName\":\"domain\"", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Delay_fault_holds_the_answer_back_and_registrar_faults_are_separate()
    {
        var world = TestWorld.Create().WithFault("rdap:test", FaultKinds.Delay, delayMs: 20_000).WithFault("rdap:names", FaultKinds.Rdap429);
        await using var rdap = await SimulatedRdapServer.StartAsync(world, new RdapServerOptions(), CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => http.GetAsync(new Uri(rdap.GetRegistryBaseUri("test"), "domain/shop.test")));
        using var registrar = await http.GetAsync(new Uri(rdap.GetRegistrarBaseUri("names"), "domain/shop.test"));
        using var other = await http.GetAsync(new Uri(rdap.GetRegistryBaseUri("example"), "domain/blog.example"));

        Assert.Equal(HttpStatusCode.TooManyRequests, registrar.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Dispose_frees_the_port()
    {
        var rdap = await SimulatedRdapServer.StartAsync(TestWorld.Create(), new RdapServerOptions(), CancellationToken.None);
        var port = rdap.Port;

        await rdap.DisposeAsync();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static IEnumerable<string> Members(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Distinct();

    private static string? VCardValue(JsonElement entity, string property) =>
        entity.GetProperty("vcardArray")[1].EnumerateArray().First(p => p[0].GetString() == property)[3].GetString();
}
