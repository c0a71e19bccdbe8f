namespace Chokepoint.Reporting.Table;

/// <summary>How the terminal views are drawn: the width to fit and whether to colour.</summary>
public sealed record TerminalOptions
{
    /// <summary>The narrowest width drawn: a narrower terminal still gets 80 columns.</summary>
    public const int MinimumWidth = 80;

    /// <summary>80 columns, no colour: what a pipe, a file or a test gets.</summary>
    public static TerminalOptions Plain { get; } = new();

    /// <summary>The terminal's width in columns; below <see cref="MinimumWidth"/> it counts as that.</summary>
    public int Width { get; init; } = MinimumWidth;

    /// <summary>True to colour by severity (only on a terminal, never with NO_COLOR or --no-color).</summary>
    public bool Color { get; init; }

    /// <summary>The width the views fit: <see cref="Width"/>, at least <see cref="MinimumWidth"/>.</summary>
    public int EffectiveWidth => Math.Max(MinimumWidth, Width);
}
