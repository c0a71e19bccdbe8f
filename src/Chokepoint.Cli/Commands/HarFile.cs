using Chokepoint.Collection.Page;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli.Commands;

/// <summary>Reads a HAR file given with --har, turning problems into usage errors.</summary>
internal static class HarFile
{
    private const long MaximumBytes = 512 * InputFile.MiB;

    public static HarCapture Read(FileInfo file)
    {
        HarCapture capture;
        using (var stream = InputFile.OpenRead(file.FullName, MaximumBytes, "a HAR capture"))
        {
            capture = HarReader.Read(stream);
        }

        return capture.Error is null && capture.Entries.Count > 0
            ? capture
            : throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: not a usable HAR capture: {capture.Error ?? "no entries"}");
    }
}
