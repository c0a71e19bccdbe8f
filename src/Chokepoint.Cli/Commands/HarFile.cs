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

    /// <summary>
    /// Refuses a capture of another site's pages (one line, exit 2), and returns a warning when only some of the pages
    /// it loaded (frames, redirects) are other sites'; null when every page is the site's.
    /// </summary>
    public static string? CheckSite(HarCapture capture, FileInfo file, string site, Func<string, string?> registrableDomain)
    {
        var owner = HarSite.Of(capture, site, registrableDomain);
        if (owner.OtherSite is { } other)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: a HAR capture of {other}'s pages, not of {site}: capture the site being audited");
        }

        if (owner.ForeignDocuments.Count == 0)
        {
            return null;
        }

        var foreign = owner.ForeignDocuments.Sum(d => d.Count);
        var names = string.Join(", ", owner.ForeignDocuments.Take(5).Select(d => d.Domain)) + (owner.ForeignDocuments.Count > 5 ? ", ..." : string.Empty);
        return $"warning: {file.FullName}: {foreign} of {foreign + owner.SiteDocuments} pages in the capture are other sites' ({names}); their requests are merged as resources {site}'s pages load";
    }
}
