using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Engine.Data;
using Chokepoint.Observations.Network;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// Reads a network profile file (<c>--network FILE</c>, as <c>chokepoint sim serve --profile</c> writes it). Whatever
/// the file holds, the outcome is a profile or one <see cref="CommandFailedException"/> line with exit 2: never
/// another exception. The values are then checked by <c>EngineSettingsValidator</c> before any network work.
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
        try
        {
            return JsonSerializer.Deserialize<NetworkProfile>(json, ProfileJson)
                ?? throw new CommandFailedException(ExitCodes.UsageError, $"{source}: the network profile is empty");
        }
        catch (JsonException exception)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{source}: not a network profile: {OneLine(exception.Message)}");
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
