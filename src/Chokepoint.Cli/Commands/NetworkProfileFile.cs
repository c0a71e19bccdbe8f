using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Engine.Data;
using Chokepoint.Observations.Network;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// Reads a network profile file (<c>--network FILE</c>, as <c>chokepoint sim serve --profile</c> writes it). Whatever
/// the file holds, the outcome is a profile or one <see cref="CommandFailedException"/> line with exit 2: never
/// another exception. A control character in any value but <c>rootCaPem</c> is refused here; the values are then
/// checked by <c>EngineSettingsValidator</c> before any network work.
/// </summary>
public static class NetworkProfileFile
{
    /// <summary>
    /// A profile's keys must be the profile's: a misspelled or unknown key is refused rather than silently leaving
    /// the real internet's default in its place.
    /// </summary>
    private static readonly JsonSerializerOptions ProfileJson = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Reads <paramref name="file"/> (a regular file of at most 1 MiB).</summary>
    /// <exception cref="CommandFailedException">The file cannot be read or is not a network profile (exit 2).</exception>
    public static NetworkProfile Read(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Parse(InputFile.ReadAllText(file.FullName, InputFile.MiB, "a network profile"), file.FullName);
    }

    /// <summary>The profile in <paramref name="json"/>; <paramref name="source"/> names it in the error.</summary>
    /// <exception cref="CommandFailedException"><paramref name="json"/> is not a network profile (exit 2, one line).</exception>
    public static NetworkProfile Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        NetworkProfile profile;
        try
        {
            profile = JsonSerializer.Deserialize<NetworkProfile>(json, ProfileJson)
                ?? throw new CommandFailedException(ExitCodes.UsageError, $"{source}: the network profile is empty");
        }
        catch (JsonException exception)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{source}: not a network profile: {OneLine(exception.Message)}");
        }

        // Every value but the PEM is one line: a newline or other control character in an address, a URL, a path or a
        // name is never meant, and would be echoed into error lines and the terminal.
        foreach (var (key, value) in new[] { ("resolver", profile.Resolver), ("rdapBootstrap", profile.RdapBootstrap), ("asnDb", profile.AsnDatabase), ("name", profile.Name) })
        {
            if (value is not null && value.Any(char.IsControl))
            {
                throw new CommandFailedException(ExitCodes.UsageError, $"{source}: network.{key}: holds a control character (a newline, a tab, ...)");
            }
        }

        return profile;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
