using Chokepoint.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Chokepoint.Reporting.Table;

/// <summary>
/// The colours and building blocks of the terminal views. Every value is escaped (<see cref="TerminalEscaping"/>) and
/// drawn as a <see cref="Text"/>, never as markup, so no value can add a style or a control sequence.
/// </summary>
internal static class TerminalStyles
{
    public static readonly Style Plain = Style.Plain;
    public static readonly Style Title = new(decoration: Decoration.Bold);
    public static readonly Style Dim = new(Color.Grey);
    public static readonly Style Bad = new(Color.Red, decoration: Decoration.Bold);
    public static readonly Style Warn = new(Color.Yellow);
    public static readonly Style Good = new(Color.Green);

    /// <summary>Critical red, high yellow, medium blue, low grey.</summary>
    public static Style Severity(Severity severity) => severity switch
    {
        Model.Severity.Critical => Bad,
        Model.Severity.High => new Style(Color.Yellow, decoration: Decoration.Bold),
        Model.Severity.Medium => new Style(Color.Blue),
        _ => Dim,
    };

    /// <summary>A and B green, C yellow, D to F red, not graded yellow.</summary>
    public static Style Grade(string? grade) => grade switch
    {
        "A" or "B" => new Style(Color.Green, decoration: Decoration.Bold),
        "C" => new Style(Color.Yellow, decoration: Decoration.Bold),
        null => new Style(Color.Yellow, decoration: Decoration.Bold),
        _ => Bad,
    };

    /// <summary>A value from the report as text: escaped, on one line, in <paramref name="style"/>.</summary>
    public static Text Value(string? value, Style? style = null) => new(TerminalEscaping.Value(value), style ?? Plain);

    /// <summary>Values in their styles, one after the other, wrapped as one paragraph.</summary>
    public static Paragraph Join(params (string? Value, Style Style)[] parts)
    {
        var paragraph = new Paragraph();
        foreach (var (value, style) in parts)
        {
            paragraph.Append(TerminalEscaping.Value(value), style);
        }

        return paragraph;
    }

    /// <summary>Several lines in one cell.</summary>
    public static IRenderable Lines(IEnumerable<IRenderable> lines)
    {
        var list = lines.ToList();
        return list.Count switch
        {
            0 => new Text(string.Empty),
            1 => list[0],
            _ => new Rows(list),
        };
    }

    /// <summary>A heading across the width: "── Registration ───".</summary>
    public static Rule Heading(string title) => new Rule(Markup.Escape(TerminalEscaping.Value(title))) { Justification = Justify.Left, Style = Dim };

    /// <summary>A two-column grid: a label that does not wrap, then the text that does.</summary>
    public static Grid LabelGrid()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(1));
        grid.AddColumn(new GridColumn());
        return grid;
    }
}
