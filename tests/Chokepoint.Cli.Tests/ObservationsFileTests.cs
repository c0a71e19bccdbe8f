using System.Text.Json.Nodes;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// An observations file that is valid JSON but holds a wrong member is one line naming the member and exit 2, for
/// every command that reads one (analyze, whatif, plan); before, such files crashed the analysis or were accepted.
/// </summary>
public sealed class ObservationsFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chokepoint-observations-");

    public void Dispose() => _folder.Delete(recursive: true);

    public static TheoryData<string, string, string> Cases => new()
    {
        { "analyze", """{"hosts": null}""", "hosts: null where a list is expected" },
        { "whatif", """{"dns": {"nameServers": null}}""", "dns.nameServers: null where a list is expected" },
        { "plan", """{"hosts": [{"name": "www.a.org", "addresses": [{"ip": "127.0.0.1"}, {"ip": "not-an-ip"}]}]}""", "hosts[0].addresses[1].ip: \"not-an-ip\" is not an IP address" },
        { "plan", """{"hosts": [{"name": "www.a.org\n$ORIGIN evil.example.", "role": "www"}]}""", "hosts[0].name: \"www.a.org\\n$ORIGIN evil.example.\" is not a DNS name (it holds a control character or white space)" },
        { "analyze", """{"formatVersion": 1.5}""", "formatVersion: 1.5 is not an integer" },
        { "analyze", """{"registration": {"tld": "com"}}""", "registration.tld: \"com\" is not a suffix of the site \"a.org\": the registration is an RDAP answer for another domain" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_wrong_member_is_one_line_naming_it_and_exit_2(string command, string members, string expected)
    {
        var root = new JsonObject { ["format"] = "chokepoint-observations", ["formatVersion"] = 2, ["domain"] = "a.org" };
        foreach (var (name, value) in JsonNode.Parse(members)!.AsObject())
        {
            root[name] = value?.DeepClone();
        }

        var path = Path.Combine(_folder.FullName, "obs.json");
        await File.WriteAllTextAsync(path, root.ToJsonString());
        string[] args = command == "whatif" ? ["whatif", path, "--drop", "cloudflare"] : [command, path];

        var (exitCode, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"chokepoint: {path}: {expected}", error.Trim());
        Assert.Equal("", output);
    }
}
