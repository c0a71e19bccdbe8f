using System.Diagnostics;
using System.Text;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>
/// Runs Debian's headless Chromium on a local file: no network (every background service switched off, and the
/// page's Content-Security-Policy forbids fetching), a fresh profile per run, and the whole process tree killed
/// if it does not finish within the timeout.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string profile = Directory.CreateTempSubdirectory("chokepoint-chromium-").FullName;

    /// <summary>Fails the calling test, with how to fix it, when Chromium is not installed.</summary>
    public static void RequireInstalled() =>
        Assert.True(
            File.Exists(ExecutablePath),
            $"{ExecutablePath} is missing: the HTML rendering tests need Debian's chromium package. Install it with `sudo apt-get install -y chromium`.");

    /// <summary>The DOM after load (and after the page's scripts ran), serialised (<c>--dump-dom</c>), laid out at <paramref name="width"/> pixels.</summary>
    public async Task<string> DumpDomAsync(string file, CancellationToken cancellationToken, int width = 1280, params string[] flags)
    {
        var (exitCode, output, errors) = await RunAsync(["--dump-dom", $"--window-size={width},900", .. flags, new Uri(file).AbsoluteUri], cancellationToken);
        Assert.True(exitCode == 0, $"chromium --dump-dom exited with {exitCode}: {errors}");
        return output;
    }

    /// <summary>Takes a PNG screenshot of the page at the given window size.</summary>
    public async Task ScreenshotAsync(string file, string png, int width, int height, CancellationToken cancellationToken)
    {
        var (exitCode, _, errors) = await RunAsync([$"--screenshot={png}", $"--window-size={width},{height}", new Uri(file).AbsoluteUri], cancellationToken);
        Assert.True(exitCode == 0, $"chromium --screenshot exited with {exitCode}: {errors}");
    }

    /// <summary>Prints the page to PDF as print media (<c>--print-to-pdf</c>), without the browser's header and footer.</summary>
    public async Task PrintToPdfAsync(string file, string pdf, CancellationToken cancellationToken)
    {
        var (exitCode, _, errors) = await RunAsync([$"--print-to-pdf={pdf}", "--no-pdf-header-footer", new Uri(file).AbsoluteUri], cancellationToken);
        Assert.True(exitCode == 0, $"chromium --print-to-pdf exited with {exitCode}: {errors}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash helper may still hold a file in the profile; the directory is in the temp folder.
        }
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] common =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--disable-default-apps", "--disable-features=Translate,MediaRouter,OptimizationHints", "--hide-scrollbars",
            $"--user-data-dir={profile}",
        ];
        foreach (var argument in common.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"chromium {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s and was killed");
        }

        return (process.ExitCode, await output, Tail(await errors));
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new StringBuilder().AppendJoin('\n', lines.TakeLast(10)).ToString();
    }
}
