using System.Globalization;
using Chokepoint.Engine;

namespace Chokepoint.Cli.Console;

/// <summary>How progress is shown on stderr.</summary>
public enum ProgressMode
{
    /// <summary>Not at all (<c>--quiet</c>, or stderr is not a terminal and <c>--progress</c> was not given).</summary>
    Off,

    /// <summary>Plain lines, one per step: stderr is a file or a pipe and <c>--progress</c> was given.</summary>
    Lines,

    /// <summary>One status line rewritten in place (carriage return) and cleared when the audit ends: stderr is a terminal.</summary>
    Status,
}

/// <summary>
/// The progress of audits on stderr: which site (<c>[3/17] dailyledger-news.com</c>), which collection phases have
/// ended, and the time so far. Reports come from the collectors' threads, so writing is serialised. Everything
/// shown is escaped (<see cref="TerminalText"/>); only the status line's own carriage return and erase reach the
/// terminal as controls.
/// </summary>
public sealed class ProgressView : IProgress<AuditProgress>, IDisposable
{
    private readonly Lock gate = new();
    private readonly TextWriter writer;
    private readonly List<string> phases = [];
    private string site = "";
    private bool statusShown;

    /// <summary>Shows progress on <paramref name="console"/>'s stderr in <paramref name="mode"/>.</summary>
    public ProgressView(ICliConsole console, ProgressMode mode)
    {
        ArgumentNullException.ThrowIfNull(console);
        Mode = mode;
        // The status line needs its carriage return: it writes past the terminal-safe writer, escaping what it shows itself.
        writer = mode == ProgressMode.Status && console is TerminalSafeConsole safe ? safe.Inner.Error : console.Error;
    }

    /// <summary>How progress is shown.</summary>
    public ProgressMode Mode { get; }

    /// <summary>
    /// The mode for these flags: off with <paramref name="quiet"/>; on a terminal the status line; elsewhere plain
    /// lines only with <paramref name="progress"/>.
    /// </summary>
    public static ProgressMode ModeFor(ICliConsole console, bool quiet, bool progress) =>
        quiet ? ProgressMode.Off
        : ErrorIsTerminal(console) ? ProgressMode.Status
        : progress ? ProgressMode.Lines
        : ProgressMode.Off;

    /// <summary>True when <paramref name="console"/> is the process's own and its stderr is a terminal (not redirected).</summary>
    public static bool ErrorIsTerminal(ICliConsole console) =>
        (console is TerminalSafeConsole safe ? safe.Inner : console) is SystemCliConsole && !System.Console.IsErrorRedirected;

    /// <summary>The site about to be audited, as the <paramref name="index"/>th (from 1) of <paramref name="count"/>; with one site, no counter.</summary>
    public void Site(int index, int count, string domain)
    {
        lock (gate)
        {
            site = count > 1 ? string.Create(CultureInfo.InvariantCulture, $"[{index}/{count}] {domain}") : domain;
        }
    }

    /// <inheritdoc />
    public void Report(AuditProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Mode == ProgressMode.Off)
        {
            return;
        }

        lock (gate)
        {
            var name = site.Length > 0 && site.EndsWith(value.Domain, StringComparison.Ordinal) ? site : value.Domain;
            var seconds = string.Create(CultureInfo.InvariantCulture, $"{value.Elapsed.TotalSeconds:0.0} s");
            switch (value.Step)
            {
                case AuditStep.Collecting:
                    phases.Clear();
                    Show(Mode == ProgressMode.Lines ? $"{name}: collecting" : $"{name}: collecting ...");
                    break;
                case AuditStep.PhaseEnded when value.Phase is { } phase:
                    phases.Add(phase);
                    Show(Mode == ProgressMode.Lines
                        ? string.Create(CultureInfo.InvariantCulture, $"{name}: {phase} finished ({value.Done}/{value.Total}, {seconds})")
                        : string.Create(CultureInfo.InvariantCulture, $"{name}: {value.Done}/{value.Total} ({string.Join(", ", phases)}) {seconds}"));
                    break;
                case AuditStep.Analysing:
                    Show($"{name}: analysing ({seconds})");
                    break;
                case AuditStep.Finished:
                    if (Mode == ProgressMode.Lines)
                    {
                        Show($"{name}: done in {seconds}");
                    }
                    else
                    {
                        Clear();
                    }

                    break;
            }
        }
    }

    /// <summary>Clears the status line (an audit that threw left it shown).</summary>
    public void Dispose() => Clear();

    /// <summary>Takes the status line off the terminal, so what follows on stderr starts on a clean line.</summary>
    public void Clear()
    {
        lock (gate)
        {
            if (statusShown)
            {
                writer.Write("\r\u001b[2K");
                writer.Flush();
                statusShown = false;
            }
        }
    }

    private void Show(string text)
    {
        var safe = TerminalText.Escape(text);
        if (Mode == ProgressMode.Lines)
        {
            writer.WriteLine(safe);
            return;
        }

        // Kept within the terminal's width, so the line never wraps and the carriage return rewrites all of it.
        var width = TerminalWidth() - 1;
        writer.Write("\r\u001b[2K" + (safe.Length > width ? safe[..Math.Max(0, width - 3)] + "..." : safe));
        writer.Flush();
        statusShown = true;
    }

    private static int TerminalWidth()
    {
        try
        {
            return System.Console.WindowWidth is > 20 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
