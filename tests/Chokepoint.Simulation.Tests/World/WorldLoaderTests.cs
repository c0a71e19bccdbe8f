using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.WorldFiles;

public sealed class WorldLoaderTests
{
    internal const string Valid = """
        version: 1
        name: tiny
        companies:
          - {id: acme, name: "Acme Corp"}
        registries:
          - tld: com
            operator: acme
            rdapHost: rdap.acme.com
            nameServers:
              - {host: a.tld.acme.com, addresses: [127.1.0.1]}
        registrars:
          - {id: reg, name: "Acme Registrar", ianaId: 9999, company: acme}
        dnsServices:
          - id: acme-dns
            company: acme
            nameServers:
              - {host: ns1.acme.com, addresses: [127.1.0.2]}
        addressSpace:
          - {prefix: 127.1.0.0/16, asn: 64500, organization: ACME-AS}
        certificateAuthorities:
          - {id: acme-ca, company: acme, organization: "Acme CA", commonName: "Acme R1"}
        domains:
          - name: acme.com
            registrar: reg
            created: 2020-01-01T00:00:00Z
            expires: 2030-01-01T00:00:00Z
            nameServers: [ns1.acme.com]
        zones:
          - name: acme.com
            servedBy: [acme-dns]
            records:
              - {name: "@", type: A, data: 127.1.0.3}
              - {name: "@", type: MX, data: "10 mail.acme.com."}
              - {name: mail, type: A, data: 127.1.0.4}
              - {name: "@", type: CAA, data: "0 issue \"acme-ca.example\""}
        webHosts:
          - host: acme.com
            certificate:
              issuer: acme-ca
              subjectAlternativeNames: [acme.com]
              notBefore: 2026-01-01T00:00:00Z
              notAfter: 2027-01-01T00:00:00Z
            pages:
              - {path: /, body: "<p>hi</p>"}
        faults:
          - {target: "ns:ns1.acme.com", kind: servfail}
        """;

    [Fact]
    public void Valid_world_loads_with_its_objects()
    {
        var result = WorldLoader.Parse(Valid, "tiny.yaml");
        Assert.True(result.Success, result.Success ? "" : result.Describe());
        var world = result.World!;
        Assert.Equal("tiny", world.Name);
        Assert.Equal("reg", world.Domains[0].Registrar);
        Assert.Equal(["ok"], world.Domains[0].Status);
        Assert.Equal(172800, world.Domains[0].DelegationTtl);
        Assert.Equal(4, world.Zones[0].Records.Count);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), world.Domains[0].Expires);
        Assert.Equal("servfail", world.Faults[0].Kind);
    }

    [Theory]
    [InlineData("version: 1", "version: 2", "version: |2", "version", "unsupported version 2")]
    [InlineData("name: tiny", "name: tiny\nbogus: 3", "|bogus", "bogus", "unknown key 'bogus'")]
    [InlineData("    registrar: reg", "    registrar: foo", "|foo", "domains[0].registrar", "unknown registrar 'foo'")]
    [InlineData("addresses: [127.1.0.2]", "addresses: [10.0.0.2]", "|10.0.0.2", "dnsServices[0].nameServers[0].addresses[0]", "outside 127.0.0.0/8")]
    [InlineData("data: 127.1.0.3", "data: 127.1.0.300", "|127.1.0.300", "zones[0].records[0].data", "not an IPv4 address")]
    [InlineData("\"10 mail.acme.com.\"", "\"mail.acme.com.\"", "|\"mail.acme.com.\"", "zones[0].records[1].data", "MX data needs 2 fields")]
    [InlineData("kind: servfail", "kind: explode", "|explode", "faults[0].kind", "unknown fault kind 'explode'")]
    [InlineData("127.1.0.0/16", "10.1.0.0/16", "|10.1.0.0/16", "addressSpace[0].prefix", "not inside 127.0.0.0/8")]
    [InlineData("issuer: acme-ca", "issuer: nobody", "|nobody", "webHosts[0].certificate.issuer", "unknown certificate authority 'nobody'")]
    [InlineData("type: CAA", "type: SRVX", "|SRVX", "zones[0].records[3].type", "unknown record type 'SRVX'")]
    [InlineData("  - name: acme.com\n    registrar", "  - name: acme.org\n    registrar", "|acme.org", "domains[0].name", "no registry for the TLD")]
    [InlineData("servedBy: [acme-dns]", "servedBy: [other-dns]", "|other-dns", "zones[0].servedBy[0]", "unknown DNS service 'other-dns'")]
    [InlineData("ianaId: 9999", "ianaId: lots", "|lots", "registrars[0].ianaId", "'lots' is not a whole number")]
    [InlineData("{name: mail, type: A", "{name: mail, type: CNAME, data: acme.com.}\n      - {name: mail, type: A", "|{name: mail, type: A", "zones[0].records[3]", "has a CNAME and other data")]
    [InlineData("target: \"ns:ns1.acme.com\"", "target: \"ns:ns9.acme.com\"", "|\"ns:ns9", "faults[0].target", "no nameserver 'ns9.acme.com'")]
    public void Broken_input_names_file_line_and_field(string find, string replace, string at, string path, string message)
    {
        var yaml = ReplaceFirst(Normalize(Valid), find, replace);
        var (line, column) = Locate(yaml, at);
        var result = WorldLoader.Parse(yaml, "broken.yaml");
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal("broken.yaml", error.File);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"broken.yaml:{line}:{column}: {path}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_and_several_problems_are_all_reported()
    {
        var yaml = Normalize(Valid)
            .Replace("  - {id: acme, name: \"Acme Corp\"}", "  - {id: acme, name: \"Acme Corp\"}\n  - {id: acme, name: \"Again\"}", StringComparison.Ordinal)
            .Replace("kind: servfail", "kind: http-500", StringComparison.Ordinal);
        var result = WorldLoader.Parse(yaml, "dup.yaml");
        Assert.Contains(result.Errors, e => e.Path == "companies[1].id" && e.Message.Contains("duplicate", StringComparison.Ordinal) && e.Line == Locate(yaml, "|{id: acme, name: \"Again").Line);
        Assert.Contains(result.Errors, e => e.Path == "faults[0].kind" && e.Message.Contains("does not apply", StringComparison.Ordinal));
    }

    [Fact]
    public void Syntax_error_is_reported_with_its_line()
    {
        var result = WorldLoader.Parse("version: 1\nname: [unclosed\ncompanies: []\n", "bad.yaml");
        var error = Assert.Single(result.Errors);
        Assert.True(error.Line >= 2, error.ToString());
        Assert.Equal("bad.yaml", error.File);
    }

    [Fact]
    public void Wrong_shape_is_an_error_not_an_exception()
    {
        var result = WorldLoader.Parse("version: 1\ncompanies: {id: x}\n", "shape.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("companies", error.Path);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Missing_file_is_an_error()
    {
        var result = WorldLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-simworld", "absent.yaml"));
        Assert.False(result.Success);
        Assert.Contains("absent.yaml", result.Errors[0].File, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"simworld-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "version: 3\n");
        try
        {
            var result = WorldLoader.Load(path);
            Assert.Equal($"{path}:1:10: version: unsupported version 3; only version 1 is defined", Assert.Single(result.Errors).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Normalize(string yaml) => yaml.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The 1-based line and column of the '|' marker's position in the first occurrence of <paramref name="marked"/>.</summary>
    private static (int Line, int Column) Locate(string yaml, string marked)
    {
        var offset = marked.IndexOf('|', StringComparison.Ordinal);
        var index = yaml.IndexOf(marked.Remove(offset, 1), StringComparison.Ordinal);
        Assert.True(index >= 0, marked);
        index += offset;
        var lineStart = yaml.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (yaml[..index].Count(c => c == '\n') + 1, index - lineStart + 1);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return text[..index] + replace + text[(index + find.Length)..];
    }
}
