using Chokepoint.Collection.Page;

namespace Chokepoint.Cli.Commands;

/// <summary>Reads a HAR file given with --har, turning problems into usage errors.</summary>
internal static class HarFile
{
    public static HarCapture Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: no such file");
        }

        var capture = HarReader.ReadFile(file.FullName);
        return capture.Error is null && capture.Entries.Count > 0
            ? capture
            : throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: not a usable HAR capture: {capture.Error ?? "no entries"}");
    }
}
