using System.Text.Json;
using Chokepoint.Cli.Console;
using CsCheck;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// What RDAP servers, web servers and observation files say reaches the terminal only as visible text: escape
/// sequences, BEL, backspace, CR, C1 controls and bidirectional overrides are shown escaped, in every format and
/// on standard error too.
/// </summary>
public sealed class TerminalSafetyTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("chokepoint-terminal-");

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>Escapes in fields that stay free text: AS organisations, response headers, gap reasons.</summary>
    private const string FreeTextObservations = """
        {
          "format": "chokepoint-observations", "formatVersion": 2, "domain": "onestack-demo.com",
          "collectedAt": "2026-11-29T07:01:05.79+00:00", "network": "chokepoint-demo", "toolVersion": "0.1.0",
          "registration": { "tld": "com", "registrarName": "Cloudflare, Inc.", "registrarIanaId": 1910, "status": ["active"],
            "nameServers": ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"], "delegationSigned": false },
          "dns": {
            "parentNs": { "values": ["ada.ns.cloudflare.com.", "bob.ns.cloudflare.com."], "ttl": 172800 },
            "childNs": { "values": ["ada.ns.cloudflare.com.", "bob.ns.cloudflare.com."], "ttl": 86400 },
            "nameServers": [{ "host": "ada.ns.cloudflare.com", "atParent": true, "atChild": true, "state": "authoritative",
              "addresses": [{ "ip": "127.13.0.2", "asn": 64500, "asOrganization": "BAD\u009b31mNET\b\b\bX" }] }],
            "dsPresent": false, "dnskeyPresent": false, "caa": { "values": [] } },
          "hosts": [{ "name": "onestack-demo.com", "role": "apex", "cnameChain": [], "ttl": 300,
            "addresses": [{ "ip": "127.13.0.4", "asn": 64501, "asOrganization": "HOST\u001b[1A\rORG\u2066" }] }],
          "http": [{ "url": "https://onestack-demo.com/", "finalUrl": "https://onestack-demo.com/", "status": 200, "redirects": [],
            "headers": { "server": "nginx\u001b[31m red", "cf-ray": "8f1e2d3c4b5a6978-FRA\u001b[0m\u007f" }, "remoteAddress": "127.13.0.4" }],
          "unobserved": [{ "what": "dns.caa", "reason": "timed out\u001b[5m blink\r overwritten", "kind": "timeout",
            "subject": "dns.caa", "target": "onestack-demo.com" }]
        }
        """;

    private const string RegistrarName = "Evil\u001b[2J\u001b]0;pwned\u0007 Registrar\u202egnp.exe";

    private string WriteObservations(string name, string json)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static void AssertTerminalSafe(string text)
    {
        var unsafeAt = text.AsSpan().IndexOfAny(UnsafeCharacters);
        Assert.True(unsafeAt < 0, unsafeAt < 0 ? "" : $"U+{(int)text[unsafeAt]:X4} at {unsafeAt}: ...{text[Math.Max(0, unsafeAt - 30)..Math.Min(text.Length, unsafeAt + 10)]}...");
    }

    private static readonly System.Buffers.SearchValues<char> UnsafeCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not '\n' and not '\t' and not '\r').Select(c => (char)c),
         .. Enumerable.Range(0x7f, 0x21).Select(c => (char)c),
         '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029']);

    [Theory]
    [InlineData("table", @"timed out\x1b[5m blink\x0d overwritten")]
    [InlineData("markdown", @"timed out\x1b\[5m blink")]
    [InlineData("html", "timed out [5m blink")]
    public async Task Reports_show_escape_sequences_from_observations_as_visible_text(string format, string reason)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["analyze", WriteObservations("obs.json", FreeTextObservations), "--format", format]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        AssertTerminalSafe(output);
        AssertTerminalSafe(error);
        Assert.DoesNotContain('\r', output);
        // The terminal view wraps at words: read it back as running text.
        Assert.Contains(reason, format == "table" ? System.Text.RegularExpressions.Regex.Replace(output, "[\\s│]+", " ") : output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_reports_stay_valid_and_keep_the_exact_values()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["analyze", WriteObservations("obs.json", FreeTextObservations), "--format", "json"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        AssertTerminalSafe(output);
        using var report = JsonDocument.Parse(output);
        var values = Strings(report.RootElement).ToList();
        Assert.Contains("HOST\u001b[1A\rORG\u2066", values);
        Assert.Contains(values, value => value.Contains("timed out\u001b[5m blink\r overwritten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_html_report_file_shows_bidirectional_controls_visibly()
    {
        var page = Path.Combine(folder.FullName, "report.html");

        var (exitCode, _, _) = await CliRunner.RunAsync(["analyze", WriteObservations("obs.json", FreeTextObservations), "--format", "html", "-o", page]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var html = await File.ReadAllTextAsync(page);
        AssertTerminalSafe(html);
        Assert.Contains(@"ORG\u2066", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table", @"Evil\x1b[2J\x1b]0;pwned\x07 Registrar\u202egnp.exe")]
    [InlineData("markdown", @"Evil\x1b\[2J\x1b\]0;pwned\x07 Registrar\u202egnp.exe")]
    [InlineData("json", @"Evil\u001B[2J\u001B]0;pwned\u0007 Registrar\u202egnp.exe")]
    public async Task A_registrar_name_with_escape_sequences_never_reaches_the_terminal_raw(string format, string shown)
    {
        var json = FreeTextObservations
            .Replace("\"Cloudflare, Inc.\"", JsonSerializer.Serialize(RegistrarName), StringComparison.Ordinal)
            .Replace("\"registrarIanaId\": 1910", "\"registrarIanaId\": 99999", StringComparison.Ordinal);

        var (exitCode, output, error) = await CliRunner.RunAsync(["analyze", WriteObservations("registrar.json", json), "--format", format]);

        AssertTerminalSafe(output);
        AssertTerminalSafe(error);
        if (exitCode == ExitCodes.Ok)
        {
            Assert.Contains(shown, format == "table" ? System.Text.RegularExpressions.Regex.Replace(output, "[\\s│]+", " ") : output, StringComparison.Ordinal);
        }
        else
        {
            // A reader that refuses control characters in names says so in one line, itself escaped.
            Assert.Equal(ExitCodes.UsageError, exitCode);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public async Task Error_messages_quoting_arguments_are_escaped()
    {
        var invalid = await CliRunner.RunAsync(["audit", "exa\u001b[2Jmple.org\u0007", "--timeout", "1"]);
        var unknown = await CliRunner.RunAsync(["--bogus\u001b]0;title\u0007"]);

        Assert.Equal(ExitCodes.UsageError, invalid.ExitCode);
        AssertTerminalSafe(invalid.Error);
        Assert.Contains(@"\x1b[2J", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, unknown.ExitCode);
        AssertTerminalSafe(unknown.Error);
        Assert.Contains(@"--bogus\x1b]0;title\x07", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_kind_of_control_is_escaped_and_line_feeds_and_tabs_are_kept()
    {
        Assert.Equal(@"a\x1b[31mb\x07\x08\x0dc", TerminalText.Escape("a\u001b[31mb\u0007\u0008\rc"));
        Assert.Equal(@"\u009b2J\u0085\u007f", TerminalText.Escape("\u009b2J\u0085\u007f"));
        Assert.Equal(@"\u202ecba\u2066\u2069\u200f\u061c\u2028", TerminalText.Escape("\u202ecba\u2066\u2069\u200f\u061c\u2028"));
        Assert.Equal("line\n\tindented\r\nnext", TerminalText.Escape("line\n\tindented\r\nnext"));
        Assert.Equal("plain, ünïcödé and emoji 🚀", TerminalText.Escape("plain, ünïcödé and emoji 🚀"));
    }

    [Fact]
    public void Escaped_text_is_always_terminal_safe_and_safe_text_is_unchanged()
    {
        Gen.String.Sample(
            text =>
            {
                var escaped = TerminalText.Escape(text);
                AssertTerminalSafe(escaped.Replace("\r\n", "\n", StringComparison.Ordinal));
                Assert.DoesNotMatch("\r(?!\n)", escaped);
                if (!text.Any(TerminalText.IsUnsafe))
                {
                    Assert.Same(text, escaped);
                }
            },
            iter: Fuzz.Iterations(10_000));
    }

    [Fact]
    public async Task The_writer_escapes_every_way_text_is_written()
    {
        using var inner = new StringWriter();
        var writer = new TerminalSafeWriter(inner);
        writer.Write('\u001b');
        writer.Write("[1m");
        writer.Write("\u0007".ToCharArray(), 0, 1);
        writer.Write("\u202e".AsSpan());
        writer.WriteLine("\b");
        await writer.WriteAsync("\u009b".AsMemory());
        await writer.WriteLineAsync("\u2066".AsMemory());
        await writer.WriteLineAsync("\u0000");

        Assert.Equal("\\x1b[1m\\x07\\u202e\\x08\n\\u009b\\u2066\n\\x00\n", inner.ToString());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
