using Chokepoint.Engine.Data;
using Chokepoint.Observations;

namespace Chokepoint.Cli.Commands;

/// <summary>Reads an observations file, turning every problem into a clear usage error.</summary>
internal static class ObservationsFile
{
    private const long MaximumBytes = 256 * InputFile.MiB;

    public static SiteObservations Read(FileInfo file)
    {
        return ObservationsJson.TryParse(InputFile.ReadAllText(file.FullName, MaximumBytes, "an observations file"), out var observations, out var error)
            ? observations!
            : throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: {error}");
    }
}
