using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Chokepoint.Reporting.Table;

/// <summary>
/// Draws Spectre.Console renderables into a string at a fixed width, with or without colour, with nothing read from
/// the process's console or environment: the terminal views stay pure functions of their input and options.
/// </summary>
internal sealed class TerminalCanvas : IDisposable
{
    private readonly StringWriter writer = new();
    private readonly StringBuilder done = new();
    private readonly IAnsiConsole console;

    public TerminalCanvas(TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = options.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            // Spectre reads NO_COLOR and the terminal's size itself; the caller decided both already.
            EnvironmentVariables = new Dictionary<string, string>(StringComparer.Ordinal),
        });
        console.Profile.Width = options.EffectiveWidth;
        console.Profile.Height = 24;
        console.Profile.Capabilities.Unicode = true;
    }

    public TerminalOptions Options { get; }

    public int Width => Options.EffectiveWidth;

    /// <summary>Draws <paramref name="renderable"/> and ends its last line (a text does not end its own).</summary>
    public void Write(IRenderable renderable)
    {
        console.Write(renderable);
        var written = writer.GetStringBuilder();
        if (written.Length > 0 && written[^1] != '\n')
        {
            console.WriteLine();
        }
    }

    public void Line() => console.WriteLine();

    /// <summary>Text written as it is (an artifact to copy), escaped but never wrapped.</summary>
    public void Verbatim(string text)
    {
        Flush();
        foreach (var line in text.TrimEnd().Split('\n'))
        {
            done.Append(TerminalEscaping.Value(line.TrimEnd('\r'))).Append('\n');
        }
    }

    /// <summary>Everything drawn, each line without trailing spaces, with "\n" line ends.</summary>
    public override string ToString()
    {
        Flush();
        return done.ToString();
    }

    public void Dispose() => writer.Dispose();

    private void Flush()
    {
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        writer.GetStringBuilder().Clear();
        if (text.Length == 0)
        {
            return;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == lines.Length - 1 && lines[i].Length == 0)
            {
                break;
            }

            done.Append(lines[i].TrimEnd(' '));
            if (i < lines.Length - 1)
            {
                done.Append('\n');
            }
        }
    }
}
