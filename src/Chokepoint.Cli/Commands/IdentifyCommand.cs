using System.CommandLine;
using System.Net;
using System.Text.Json;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Collection.Asn;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint identify KIND VALUE</c>: what the catalog says about one signal, and why.</summary>
internal static class IdentifyCommand
{
    private static readonly string[] Kinds = ["ns", "cname", "mx", "ip", "issuer", "header", "registrar", "spf", "asn", "ocsp", "tld", "resource-domain", "ads-seller", "link-domain"];

    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = "What the value is: " + string.Join("|", Kinds) + "." };
        kind.AcceptOnlyFromAmong(Kinds);
        var value = new Argument<string>("value") { Description = "The value, e.g. ns-12.awsdns-01.org, 'cf-ray: 8a1b-AMS', 'Let''s Encrypt', 146." };
        var format = OutputFormat.Create("table", "json");
        var asnDb = new Option<FileInfo?>("--asn-db") { Description = "IP-to-ASN CSV or index to use for 'ip' (default: the installed data set)." };
        var command = new Command("identify", "Show which company a nameserver, CNAME, MX, IP, issuer, header or registrar belongs to, by which rule and source.")
        {
            kind, value, format, asnDb,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var kindWord = parseResult.GetRequiredValue(kind);
            var database = kindWord == "ip" ? OpenAsnDatabase(context, parseResult.GetValue(asnDb)) : null;
            Func<IPAddress, (int asn, string org)?>? asnLookup = database is null
                ? null
                : address => database.Lookup(address) is { } match ? (match.Asn, match.Organization) : null;
            var result = new Identifier(ProviderCatalog.LoadEmbedded(), asnLookup).Identify(kindWord, parseResult.GetRequiredValue(value));
            var output = context.Console.Out;
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, JsonOutput.WithNulls).AsMemory(), cancellationToken);
            }
            else if (result.Entity is { } entity)
            {
                await output.WriteLineAsync($"{result.Kind} {result.Value}".AsMemory(), cancellationToken);
                await output.WriteLineAsync($"  company:  {entity.Name} ({entity.Id})".AsMemory(), cancellationToken);
                if (result.Owner is { } owner && owner.Id != entity.Id)
                {
                    await output.WriteLineAsync($"  owner:    {owner.Name} ({owner.Id})".AsMemory(), cancellationToken);
                }

                await output.WriteLineAsync($"  service:  {result.Service}: {result.Provider}".AsMemory(), cancellationToken);
                await output.WriteLineAsync($"  rule:     {result.Rule?.Kind} {result.Rule?.Pattern}".AsMemory(), cancellationToken);
                await output.WriteLineAsync($"  source:   {result.Source}".AsMemory(), cancellationToken);
            }
            else
            {
                await output.WriteLineAsync($"{result.Kind} {result.Value}: unknown ({result.UnknownReason})".AsMemory(), cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static AsnDatabase? OpenAsnDatabase(CliContext context, FileInfo? file)
    {
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: no such file");
            }

            return file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)
                ? AsnDatabase.FromCsv([file.FullName])
                : AsnDatabase.Open(file.FullName);
        }

        return File.Exists(context.Data.AsnIndex)
            ? AsnDatabase.Open(context.Data.AsnIndex)
            : throw new CommandFailedException(ExitCodes.RunFailed, "no IP-to-ASN index: run 'chokepoint data update' (or give --asn-db)");
    }
}
