using Chokepoint.Naming;

namespace Chokepoint.Cli.Commands;

/// <summary>Checks a domain given on the command line (URLs, uppercase, trailing dots and IDNs are accepted).</summary>
internal static class DomainArgument
{
    public static string Normalize(string input) =>
        DomainName.TryParse(input, out var name, out var error)
            ? name.Value
            : throw new CommandFailedException(ExitCodes.UsageError, $"'{input}' is not a domain name: {error}");
}
