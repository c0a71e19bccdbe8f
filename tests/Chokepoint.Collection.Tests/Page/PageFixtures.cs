using System.Runtime.CompilerServices;

namespace Chokepoint.Collection.Tests.Page;

/// <summary>
/// Finds /work/shared/fixtures by walking up from the test binaries, and failing that (binaries built under another
/// artifacts path) from this source file.
/// </summary>
internal static class PageFixtures
{
    public static string Har(string name) => Path.Combine(Find(), "har", name);

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "fixtures");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures not found above " + AppContext.BaseDirectory);
    }
}
