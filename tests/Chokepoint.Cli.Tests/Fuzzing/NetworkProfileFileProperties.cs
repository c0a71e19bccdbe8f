using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chokepoint.Cli.Commands;
using Chokepoint.Engine;
using Chokepoint.Observations.Network;
using CsCheck;

namespace Chokepoint.Cli.Tests.Fuzzing;

/// <summary>
/// The network profile reader (<c>--network FILE</c>) on hostile files: a profile or one line with exit 2, never
/// another exception; every profile it accepts can be checked by the settings validator without throwing; and
/// what <c>sim serve</c> writes reads back as it was. Nothing here sends a packet.
/// </summary>
public sealed class NetworkProfileFileProperties
{
    /// <summary>What <c>sim serve --profile</c> writes (SimulatedInternet's own settings).</summary>
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Keys = ["resolver", "dnsPort", "rdapBootstrap", "rootCaPem", "asnDb", "httpPort", "httpsPort", "name", "Resolver", "dnsport", "extra"];

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.OneOf("null", "0", "-1", "53", "65536", "2147483648", "1.5", "1e10", "true", "[]", "{}", "\"\"", "\"127.0.0.1:5353\"", "\"[::1]:53\"",
            "\"foo:53\"", "\"127.0.0.1:99999\"", "\"https://127.0.0.1:8443/dns.json\"", "\"not a url\"", "\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\"",
            "\"\\ud800\"", "\"\\u0000\"", "\"demo\"", "[[[[[[[[[[]]]]]]]]]]", "\"/dev/zero\""),
        Gen.String[Gen.Char["abc:/.[]0129\\\"{}"], 0, 12].Select(s => JsonSerializer.Serialize(s)));

    private static readonly Gen<string> Profiles = Gen.OneOf(
        Gen.Select(Gen.OneOf(Keys), Value).Array[0, 8].Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}"),
        Gen.String,
        Gen.Int[0, int.MaxValue].Array[0, 18].Select(ops => Apply(
            """{"resolver":"127.0.0.1:5353","dnsPort":5353,"rdapBootstrap":"https://127.0.0.1:8443/rdap/dns.json","httpPort":8080,"httpsPort":8443,"name":"demo"}""", ops)));

    [Fact]
    public void Any_file_gives_a_profile_or_one_line_with_exit_2() =>
        Profiles.Sample(json =>
        {
            NetworkProfile profile;
            try
            {
                profile = NetworkProfileFile.Parse(json, "profile.json");
            }
            catch (CommandFailedException refused)
            {
                Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
                Assert.DoesNotContain(refused.Message, char.IsControl);
                return;
            }

            var problems = EngineSettingsValidator.Check(new EngineSettings { Network = profile });
            Assert.All(problems, p => Assert.DoesNotContain('\n', p));
        }, iter: Fuzz.Iterations(1000));

    private static readonly Gen<NetworkProfile> ValidProfiles = Gen.Select(
            Gen.Select(Gen.Int[1, 255], Gen.Int[1, 65535]).Select((octet, port) => $"127.0.0.{octet}:{port}"),
            Gen.Int[1, 65535],
            Gen.Int[1, 65535],
            Gen.Int[1, 65535],
            Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz-0123456789\u00e9"], 1, 20])
        .Select((resolver, dnsPort, httpPort, httpsPort, name) => new NetworkProfile
        {
            Resolver = resolver,
            DnsPort = dnsPort,
            RdapBootstrap = $"https://127.0.0.1:{httpsPort}/rdap/dns.json",
            HttpPort = httpPort,
            HttpsPort = httpsPort,
            Name = name,
        });

    [Fact]
    public void What_sim_serve_writes_reads_back_as_it_was() =>
        ValidProfiles.Sample(profile =>
        {
            var read = NetworkProfileFile.Parse(JsonSerializer.Serialize(profile, Written), "profile.json");

            Assert.Equal(profile, read);
            Assert.Empty(EngineSettingsValidator.Check(new EngineSettings { Network = read }));
        }, iter: Fuzz.Iterations(300));

    private static string Apply(string seed, int[] ops)
    {
        var text = new StringBuilder(seed);
        string[] tokens = ["{", "}", "\"", ":", ",", "null", "-1", "99999", "\"x\"", "\\", "\"\\ud800\""];
        for (var i = 0; i + 2 < ops.Length; i += 3)
        {
            var at = ops[i + 1] % (text.Length + 1);
            switch (ops[i] % 3)
            {
                case 0:
                    text.Remove(at, Math.Min(text.Length - at, 1 + (ops[i + 2] % 8)));
                    break;
                case 1:
                    text.Insert(at, tokens[ops[i + 2] % tokens.Length]);
                    break;
                default:
                    text.Length = at;
                    break;
            }
        }

        return text.ToString();
    }
}
