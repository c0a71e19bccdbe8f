using Chokepoint.Observations;

namespace Chokepoint.Cli.Commands;

/// <summary>Reads an observations file, turning every problem into a clear usage error.</summary>
internal static class ObservationsFile
{
    private const long MaximumBytes = 256L * 1024 * 1024;

    public static SiteObservations Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: no such file");
        }

        if (file.Length > MaximumBytes)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: larger than 256 MB; not an observations file");
        }

        return ObservationsJson.TryParse(File.ReadAllText(file.FullName), out var observations, out var error)
            ? observations!
            : throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: {error}");
    }
}
