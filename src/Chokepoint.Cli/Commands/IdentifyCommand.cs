using System.CommandLine;
using Chokepoint.Engine;
using Chokepoint.Engine.Data;
using Chokepoint.Observations.Network;
using Chokepoint.Reporting.Identify;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint identify KIND VALUE</c>: what the catalog says about one signal, and why.</summary>
internal static class IdentifyCommand
{
    private static readonly string[] Kinds = ["ns", "cname", "mx", "ip", "issuer", "header", "registrar", "spf", "asn", "ocsp", "tld", "resource-domain", "ads-seller", "link-domain"];

    public static Command Create(CliContext context)
    {
        // Named "kind" in the usage lines, so the command list stays short; the kinds are listed under 'identify --help'.
        var kind = new Argument<string>("kind") { HelpName = "kind", Description = "What the value is, one of: " + string.Join(", ", Kinds) + "." };
        kind.AcceptOnlyFromAmong(Kinds);
        var value = new Argument<string>("value") { Description = "The value, e.g. ns-12.awsdns-01.org, 'cf-ray: 8a1b-AMS', 'Let''s Encrypt', 146." };
        var format = OutputFormat.Create("table", "json");
        var asnDb = new Option<FileInfo?>("--asn-db") { Description = "IP-to-ASN CSV or index to use for 'ip' (default: the installed data set)." };
        var command = new Command("identify", "Show which company a signal (a nameserver, an IP, a header, ...) belongs to, by which rule and source.")
        {
            kind, value, format, asnDb,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var asnFile = parseResult.GetValue(asnDb) is { } given ? InputFile.RequireRegular(given.FullName) : null;
            var settings = new EngineSettings { Network = NetworkProfile.Internet with { AsnDatabase = asnFile } };
            using var engine = EngineFactory.Create(context, settings);
            var result = engine.Identify(parseResult.GetRequiredValue(kind), parseResult.GetRequiredValue(value));
            var text = parseResult.GetValue(format) == "json" ? IdentifyRenderer.Json(result) : IdentifyRenderer.Table(result);
            await context.Console.Out.WriteAsync(text.AsMemory(), cancellationToken);
            if (!text.EndsWith('\n'))
            {
                await context.Console.Out.WriteLineAsync();
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
