using Chokepoint.Engine.Data;
using Chokepoint.Observations;

namespace Chokepoint.Cli.Commands;

/// <summary>Reads an observations file, turning every problem into a clear usage error of one line.</summary>
internal static class ObservationsFile
{
    private const long MaximumBytes = 256 * InputFile.MiB;

    /// <summary>
    /// Reads <paramref name="file"/> as a stream (twice: the reader checks the shape, then deserialises), each time
    /// through <see cref="InputFile"/>: a regular file, never more than 256 MiB.
    /// </summary>
    public static SiteObservations Read(FileInfo file)
    {
        var path = InputFile.RequireRegular(file.FullName);
        try
        {
            return ObservationsJson.Read(() => InputFile.OpenRead(path, MaximumBytes, "an observations file"));
        }
        catch (ObservationsFormatException exception)
        {
            // A list of reports or JSON Lines is refused by the first token: say what the file holds instead.
            string? described;
            using (var stream = InputFile.OpenRead(path, MaximumBytes, "an observations file"))
            {
                described = JsonValuesShape.Describe(stream);
            }

            throw new CommandFailedException(ExitCodes.UsageError, $"{path}: {described ?? exception.Message}");
        }
    }
}
