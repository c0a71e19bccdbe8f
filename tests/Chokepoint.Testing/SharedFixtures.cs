using System.Runtime.CompilerServices;

namespace Chokepoint.Testing;

/// <summary>
/// The real-world fixtures in <c>shared/fixtures</c> beside the clone (see its SOURCES.md), found by walking up from
/// the test binaries and, when those were built elsewhere (an artifacts path outside the clone), from this source
/// file. The fixtures are read in place and never copied into the repository.
/// </summary>
public static class SharedFixtures
{
    private static readonly Lazy<string> RootPath = new(() => FindRoot());

    /// <summary>The <c>shared/fixtures</c> directory.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path inside the fixtures, e.g. <c>Path("har", "reddit.com.har")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The text of a fixture file.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (directory.LinkTarget is not null && directory.ResolveLinkTarget(returnFinalTarget: true) is DirectoryInfo target)
                {
                    directory = target;
                }

                var candidate = System.IO.Path.Combine(directory.FullName, "shared", "fixtures");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures not found above " + AppContext.BaseDirectory + " or the test sources");
    }
}
