using System.Runtime.CompilerServices;

namespace Chokepoint.Simulation.Tests.Rdap;

/// <summary>
/// Finds the shared real-world fixtures by walking up from the test binaries and, when those were built elsewhere
/// (an artifacts path outside the clone), from this source file.
/// </summary>
internal static class Fixtures
{
    public static string PathOf(string first, string second) => Path.Combine(Root(), first, second);

    private static string Root([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (directory.LinkTarget is not null && directory.ResolveLinkTarget(returnFinalTarget: true) is DirectoryInfo target)
                {
                    directory = target;
                }

                var candidate = Path.Combine(directory.FullName, "shared", "fixtures");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("No shared/fixtures above " + AppContext.BaseDirectory);
    }
}
