using System.Runtime.CompilerServices;

namespace Chokepoint.Testing;

/// <summary>Files of the repository itself (docs, examples), found from this source file's location.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root: the directory holding <c>Chokepoint.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository, e.g. <c>Path("docs", "world-format.md")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { System.IO.Path.GetDirectoryName(sourceFile) ?? "", AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Chokepoint.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Chokepoint.slnx not found above the test sources or " + AppContext.BaseDirectory);
    }
}
