using System.Text;
using System.Text.Json.Nodes;

namespace Chokepoint.Observations.Tests;

/// <summary>The reader validates shape and values, and names the member that is wrong (docs/observations-format.md, "Validation").</summary>
public sealed class ObservationsReaderTests
{
    /// <summary>A file saved from the demo audit of dailyledger-news.com (every member of the format is present).</summary>
    public static string Saved { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "dailyledger-news.com.json"));

    [Fact]
    public void A_saved_demo_file_is_read_whole()
    {
        var site = ObservationsJson.Read(Saved);

        Assert.Equal("dailyledger-news.com", site.Domain);
        Assert.NotEmpty(site.Page!.Resources);
        Assert.NotEmpty(site.Dns!.NameServers);
    }

    [Theory]
    [InlineData("hosts", "hosts: null where a list is expected")]
    [InlineData("dns.nameServers", "dns.nameServers: null where a list is expected")]
    [InlineData("hosts[0].addresses", "hosts[0].addresses: null where a list is expected")]
    [InlineData("hosts[0].cnameChain", "hosts[0].cnameChain: null where a list is expected")]
    [InlineData("hosts[0].addresses[0]", "hosts[0].addresses[0]: null where an object is expected")]
    [InlineData("hosts[0].addresses[0].ip", "hosts[0].addresses[0].ip: null where a string is expected")]
    [InlineData("http[0].headers", "http[0].headers: null where an object is expected")]
    [InlineData("http[0].headers.server", "http[0].headers.server: null where a string is expected")]
    [InlineData("tls[0].chain[0].ocspUrls", "tls[0].chain[0].ocspUrls: null where a list is expected")]
    [InlineData("page.resources[0].kind", "page.resources[0].kind: null where a string is expected")]
    [InlineData("unobserved", "unobserved: null where a list is expected")]
    [InlineData("dataSets[0].name", "dataSets[0].name: null where a string is expected")]
    [InlineData("mail.mx[0].preference", "mail.mx[0].preference: null where an integer is expected")]
    [InlineData("dns.nameServers[0].atParent", "dns.nameServers[0].atParent: null where true or false is expected")]
    [InlineData("collectedAt", "collectedAt: null where a time (ISO 8601 with offset) is expected")]
    public void Null_where_a_list_object_or_value_is_expected_names_the_member(string path, string expected)
    {
        Assert.Equal(expected, Refusal(Set(path, null)));
    }

    [Theory]
    [InlineData("registration")]
    [InlineData("dns")]
    [InlineData("upstreamZones")]
    [InlineData("mail.spf")]
    [InlineData("hosts[0].ttl")]
    [InlineData("registration.registrarIanaId")]
    [InlineData("tls[0].ocspStapled")]
    public void Null_where_the_format_allows_it_is_read(string path)
    {
        var site = ObservationsJson.Read(Set(path, null));

        Assert.Equal("dailyledger-news.com", site.Domain);
    }

    [Theory]
    [InlineData("1.5", "formatVersion: 1.5 is not an integer")]
    [InlineData("1e10", "formatVersion: 1e10 is out of range (-2147483648 to 2147483647)")]
    [InlineData("2147483648", "formatVersion: 2147483648 is out of range (-2147483648 to 2147483647)")]
    [InlineData("0", "formatVersion: 0 is not a format version (1 to 2)")]
    [InlineData("-1", "formatVersion: -1 is not a format version (1 to 2)")]
    [InlineData("2.0", "formatVersion: 2.0 is not an integer (written with a fraction or an exponent)")]
    [InlineData("\"2\"", "formatVersion: the string \"2\" where an integer is expected")]
    [InlineData("3", "observations format version 3 is newer than this tool reads (2)")]
    public void A_format_version_that_is_not_a_known_integer_is_refused(string version, string expected)
    {
        Assert.Equal(expected, Refusal(Set("formatVersion", JsonNode.Parse(version))));
    }

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("2130706433")]
    [InlineData("127.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("example.com")]
    [InlineData("")]
    public void An_address_that_is_not_an_ip_is_refused(string ip)
    {
        var json = Set("hosts[0].addresses", JsonNode.Parse($$"""[{"ip": "127.0.0.1"}, {"ip": {{JsonValue.Create(ip).ToJsonString()}}}]"""));

        Assert.EndsWith("is not an IP address", Refusal(json), StringComparison.Ordinal);
        Assert.StartsWith("hosts[0].addresses[1].ip: ", Refusal(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hosts[0].name", "www.dailyledger-news.com\n$ORIGIN evil.example.")]
    [InlineData("hosts[0].name", "www.dailyledger news.com")]
    [InlineData("hosts[0].name", "www..dailyledger-news.com")]
    [InlineData("hosts[0].name", "xn--bcher-kva.example\u0007")]
    [InlineData("hosts[0].name", "bücher.example")]
    [InlineData("hosts[0].cnameChain", null)]
    [InlineData("dns.nameServers[0].host", "ns1.example.com\r\n")]
    [InlineData("dns.parentNs.values[0]", "ns1.example.com.;rm")]
    [InlineData("mail.mx[0].host", "mx\t.example.com")]
    [InlineData("upstreamZones[0].nameServers[0]", "a\u001b[31m.example")]
    [InlineData("registration.nameServers[0]", "ns1.example.com/")]
    [InlineData("tls[0].host", "")]
    [InlineData("tls[0].chain[0].subjectAlternativeNames[0]", "a.example\n")]
    [InlineData("page.resources[0].host", "cdn.example/../x")]
    [InlineData("domain", "Dailyledger-News.com")]
    public void A_name_that_is_not_a_dns_name_is_refused_naming_it(string path, string? name)
    {
        var refusal = Refusal(Set(path, name is null ? JsonNode.Parse("""["good.example", "bad\u0000.example"]""") : JsonValue.Create(name)));

        Assert.Contains("is not a DNS name", refusal.Replace("is not normalised", "is not a DNS name", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith(path.Split('[')[0], refusal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal);
        Assert.DoesNotContain('\u001b', refusal);
    }

    [Fact]
    public void Names_of_the_real_internet_are_read()
    {
        var json = Set("hosts[0].cnameChain", JsonNode.Parse("""["_dmarc.example.com", "d2x7q9r4t1uv8w.cloudfront.net.", "xn--bcher-kva.example", "a-b--c.example"]"""));
        json = Set("mail.spfIncludes", JsonNode.Parse("""["_spf.google.com", "%{ir}.%{v}._spf.mta.salesforce.com", "spf.protection.outlook.com,"]"""), json);
        json = Set("http[0].headers", JsonNode.Parse("""{":status": "200", "x-cache": "HIT\tfrom edge"}"""), json);
        json = Set("page.resources[0].url", "https://my_blog.example/a b.js", json);
        json = Set("page.resources[0].foundOn", "har", json);
        json = Set("page.resources[0].headersFrom", "probe", json);
        json = Set("page.probes", JsonNode.Parse("""[{"url": "https://cdn.example/a.js", "host": "cdn.example", "method": "GET", "status": 206, "headStatus": 405, "provenance": {"source": "page probe https://cdn.example", "at": "2026-01-05T00:00:00Z"}}, {"url": "https://x.example/b.png", "host": "x.example", "notObserved": "probe limit: only the first 12 third-party hosts are probed", "gapKind": "bounded"}]"""), json);
        json = Set("tls[0].chain[0].subjectAlternativeNames", JsonNode.Parse("""["*.dailyledger-news.com", "dailyledger-news.com", "203.0.113.7", "2001:db8::1"]"""), json);

        var site = ObservationsJson.Read(json);

        Assert.Equal(4, site.Hosts[0].CnameChain.Count);
        Assert.Equal((405, GapKind.Bounded), (site.Page!.Probes[0].HeadStatus, site.Page.Probes[1].GapKind));
    }

    [Fact]
    public void A_registration_for_another_domain_is_refused()
    {
        var refusal = Refusal(Set("registration.tld", "org"));

        Assert.Equal("registration.tld: \"org\" is not a suffix of the site \"dailyledger-news.com\": the registration is an RDAP answer for another domain", refusal);
    }

    [Theory]
    [InlineData("toolVersion", "0.1.0\u001b[2J")]
    [InlineData("unobserved", null)]
    [InlineData("http[0].headers.server", "nginx\r\nx-injected: 1")]
    [InlineData("registration.registrarName", "Evil\u009b31m Registrar")]
    [InlineData("page.links[0].text", "click\u0000")]
    public void Text_with_control_characters_is_kept_as_data(string path, string? text)
    {
        // Free text is what the servers sent; the views escape it where it is shown (TerminalSafetyTests), so a saved
        // audit whose registrar name holds an escape sequence still reads.
        var value = text is null
            ? JsonNode.Parse("""[{"what": "rdap", "reason": "timed out\nafter 5 s", "kind": "timeout", "subject": "rdap"}]""")
            : JsonValue.Create(text);

        var observations = ObservationsJson.Read(Set(path, value));

        Assert.Equal(observations.Domain, ObservationsJson.Read(ObservationsJson.Serialize(observations)).Domain);
    }

    [Theory]
    [InlineData("hosts[0].role", "\"boss\"", "hosts[0].role: \"boss\" is not one of")]
    [InlineData("dns.nameServers[0].state", "\"fine\"", "dns.nameServers[0].state: \"fine\" is not one of")]
    [InlineData("upstreamZones[0].reason", "\"because\"", "upstreamZones[0].reason: \"because\" is not one of")]
    [InlineData("unobserved", """[{"what": "rdap", "reason": "x", "kind": "exploded", "subject": "rdap"}]""", "unobserved[0].kind: the string \"exploded\" is not one of")]
    [InlineData("unobserved", """[{"what": "rdap", "reason": "x", "kind": 3, "subject": "rdap"}]""", "unobserved[0].kind: 3 where one of")]
    [InlineData("page.resources[0].headersFrom", "\"browser\"", "page.resources[0].headersFrom: \"browser\" is not one of har, probe")]
    [InlineData("page.probes", """[{"url": "https://cdn.example/a.js", "host": "cdn.example", "method": "PUT"}]""", "page.probes[0].method: \"PUT\" is not one of HEAD, GET")]
    [InlineData("page.probes", """[{"url": "https://cdn.example/a.js", "host": "cdn.example", "method": "HEAD", "status": 2000}]""", "page.probes[0].status: 2000 is out of range")]
    [InlineData("page.probes", """[{"url": "https://cdn.example/a.js", "host": "cdn.example", "gapKind": "exploded"}]""", "page.probes[0].gapKind: the string \"exploded\" is not one of")]
    [InlineData("page.probes", """[{"host": "cdn.example"}]""", "page.probes[0].url: missing (required)")]
    [InlineData("hosts[0].ttl", "-1", "hosts[0].ttl: -1 is out of range")]
    [InlineData("dns.soa.ttl", "99999999999", "dns.soa.ttl: 99999999999 is out of range")]
    [InlineData("mail.mx[0].preference", "65536", "mail.mx[0].preference: 65536 is out of range")]
    [InlineData("http[0].status", "42", "http[0].status: 42 is out of range")]
    [InlineData("page.pages[0].bytesRead", "-5", "page.pages[0].bytesRead: -5 is out of range")]
    [InlineData("hosts[0].addresses[0].asn", "-13335", "hosts[0].addresses[0].asn: -13335 is out of range")]
    [InlineData("http[0].url", "\"not a url\"", "http[0].url: \"not a url\" is not an absolute URL")]
    [InlineData("dns.soa.values[0]", "\"ns1.example. hostmaster.example. 1 2 3\"", "dns.soa.values[0]: ")]
    [InlineData("dns.caa.values", """["0 issue \"letsencrypt.org\"", "256 issue \"x\""]""", "dns.caa.values[1]: ")]
    [InlineData("upstreamZones[0].names[0]", "\"o.pki.goog\"", "upstreamZones[0].names[0]: \"o.pki.goog\" is not in the zone")]
    [InlineData("hosts[0]", """{"role": "apex"}""", "hosts[0].name: missing (required)")]
    [InlineData("unobserved", """[{"reason": "x"}]""", "unobserved[0].what: missing (required)")]
    [InlineData("collectedAt", "\"yesterday\"", "collectedAt: the string \"yesterday\" is not a time")]
    [InlineData("dns", "[]", "dns: a list where an object is expected")]
    [InlineData("page.notes", "\"none\"", "page.notes: the string \"none\" where a list is expected")]
    public void A_value_out_of_its_range_or_vocabulary_is_refused_naming_it(string path, string value, string expected)
    {
        Assert.StartsWith(expected, Refusal(Set(path, JsonNode.Parse(value))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_is_named_by_its_key_in_brackets_when_it_is_not_a_plain_name()
    {
        var shape = Refusal(Set("http[0].headers", JsonNode.Parse("""{"server": "x", "x y": null}""")));
        var value = Refusal(Set("http[0].headers", JsonNode.Parse("""{"server": "x", "x y": "v"}""")));

        Assert.Equal("http[0].headers[\"x y\"]: null where a string is expected", shape);
        Assert.Equal("http[0].headers[\"x y\"]: is not an HTTP field name (RFC 9110 section 5.1)", value);
    }

    [Fact]
    public void A_member_given_twice_is_refused()
    {
        var json = Saved.Replace("\"toolVersion\":", "\"toolVersion\": \"0.0.1\", \"ToolVersion\":", StringComparison.Ordinal);

        Assert.Equal("toolVersion: the member \"ToolVersion\" is given twice", Refusal(json));
    }

    [Fact]
    public void Unknown_members_are_ignored_at_every_depth()
    {
        var root = JsonNode.Parse(Saved)!;
        root["addedLater"] = JsonNode.Parse("""{"deep": [1, {"x": null}]}""");
        root["hosts"]![0]!["addedLater"] = null;
        root["dns"]!["nameServers"]![0]!["addresses"]![0]!["addedLater"] = "x";

        var site = ObservationsJson.Read(root.ToJsonString());

        Assert.Equal("dailyledger-news.com", site.Domain);
    }

    [Fact]
    public void Every_refusal_is_one_line_and_the_documented_exception()
    {
        var error = Assert.Throws<ObservationsFormatException>(() => ObservationsJson.Read(Set("hosts[0].addresses[0].ip", "a\nb")));

        Assert.Equal("hosts[0].addresses[0].ip", error.Path);
        Assert.Equal("\"a\\nb\" is not an IP address", error.Reason);
        Assert.Equal("hosts[0].addresses[0].ip: \"a\\nb\" is not an IP address", error.Message);
    }

    [Fact]
    public void A_huge_string_is_shown_cut_short()
    {
        var refusal = Refusal(Set("hosts[0].name", new string('a', 1_000_000)));

        Assert.True(refusal.Length < 200, refusal);
        Assert.StartsWith("hosts[0].name: \"aaa", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed_and_invalid_utf8_is_refused()
    {
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Saved)).ToArray();
        Assert.Equal("dailyledger-news.com", ObservationsJson.Read(bom).Domain);

        var broken = Encoding.UTF8.GetBytes(Set("toolVersion", "XY"));
        var at = Array.IndexOf(broken, (byte)'X');
        broken[at] = 0xC3;
        broken[at + 1] = 0x28;
        var error = Assert.Throws<ObservationsFormatException>(() => ObservationsJson.Read(broken));
        Assert.StartsWith("toolVersion: not valid text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_file_keeps_what_it_keeps_not_what_it_reads()
    {
        // 24 MiB of an unknown member: before, the file was read into one string (48 MiB) and a document.
        var path = Path.GetTempFileName();
        try
        {
            var root = JsonNode.Parse(Saved)!.AsObject();
            using (var file = File.Create(path))
            using (var writer = new StreamWriter(file, new UTF8Encoding(false)))
            {
                writer.Write(root.ToJsonString()[..^1]);
                writer.Write(", \"addedLater\": [");
                for (var i = 0; i < 3 * 1024 * 1024; i++)
                {
                    writer.Write(i == 0 ? "1234567" : ",1234567");
                }

                writer.Write("]}");
            }

            Assert.True(new FileInfo(path).Length > 24 * 1024 * 1024);
            _ = ObservationsJson.Read(() => File.OpenRead(path));
            var before = GC.GetAllocatedBytesForCurrentThread();
            var site = ObservationsJson.Read(() => File.OpenRead(path));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal("dailyledger-news.com", site.Domain);
            Assert.True(allocated < 4 * 1024 * 1024, $"{allocated} bytes allocated to read a {new FileInfo(path).Length}-byte file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The saved file with the member at <paramref name="path"/> (<c>hosts[0].name</c>) set to <paramref name="value"/>.</summary>
    public static string Set(string path, JsonNode? value, string? json = null)
    {
        var root = JsonNode.Parse(json ?? Saved)!;
        var (parent, last) = Walk(root, path);
        switch (last)
        {
            case int index:
                parent.AsArray()[index] = value;
                break;
            case string name:
                parent.AsObject()[name] = value;
                break;
        }

        return root.ToJsonString();
    }

    private static (JsonNode Parent, object Last) Walk(JsonNode root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            for (var rest = bracket < 0 ? "" : part[bracket..]; rest.Length > 0; rest = rest[(rest.IndexOf(']', StringComparison.Ordinal) + 1)..])
            {
                steps.Add(int.Parse(rest[1..rest.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var node = root;
        foreach (var step in steps[..^1])
        {
            node = step is int index ? node.AsArray()[index]! : node.AsObject()[(string)step]!;
        }

        return (node, steps[^1]);
    }

    private static string Refusal(string json)
    {
        Assert.False(ObservationsJson.TryParse(json, out var parsed, out var error), "accepted");
        Assert.Null(parsed);
        return error!;
    }
}
