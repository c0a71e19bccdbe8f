using System.Runtime.CompilerServices;

namespace Chokepoint.Collection.Tests.Support;

/// <summary>Finds the shared real-world fixtures by walking up from the test binaries.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    // Builds may put binaries outside the clone (--artifacts-path), so the source location is searched too.
    private static string FindRoot() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(SourceDirectory())
        ?? throw new DirectoryNotFoundException("shared/fixtures not found above " + AppContext.BaseDirectory);

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path) ?? ".";
}
