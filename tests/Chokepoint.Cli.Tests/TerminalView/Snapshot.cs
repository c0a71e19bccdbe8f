using System.Runtime.CompilerServices;
using System.Text;

namespace Chokepoint.Cli.Tests.TerminalView;

/// <summary>
/// Saved expectations of a view, in <c>tests/Chokepoint.Cli.Tests/Snapshots</c>. A mismatch writes the output beside
/// the expectation as <c>NAME.actual.txt</c> (ignored by git) and fails with the first differing lines; with
/// <c>CHOKEPOINT_UPDATE_SNAPSHOTS=1</c> the expectation is rewritten instead. See docs/report-views.md.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "CHOKEPOINT_UPDATE_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string sourceFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(sourceFile))!, "Snapshots");
        var expectedPath = Path.Combine(directory, name + ".txt");
        var actualPath = Path.Combine(directory, name + ".actual.txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            File.Delete(actualPath);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"no saved expectation {expectedPath}; the output is in {actualPath} (set {UpdateVariable}=1 to save it)"
            : $"{name} differs from its saved expectation; the output is in {actualPath} (set {UpdateVariable}=1 to accept it)\n{Diff(expected, actual)}");
    }

    private static string Diff(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var text = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(want.Length, got.Length) && shown < 5; i++)
        {
            var a = i < want.Length ? want[i] : "<none>";
            var b = i < got.Length ? got[i] : "<none>";
            if (a != b)
            {
                text.Append("line ").Append(i + 1).Append("\n  expected: ").Append(Visible(a)).Append("\n  actual:   ").Append(Visible(b)).Append('\n');
                shown++;
            }
        }

        return text.ToString();
    }

    private static string Visible(string line) => line.Replace("\u001b", "\\e", StringComparison.Ordinal);
}
