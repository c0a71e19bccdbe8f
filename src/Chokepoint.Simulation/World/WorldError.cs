namespace Chokepoint.Simulation.World;

/// <summary>
/// A problem found while reading or validating a world file, located by file, line, column and field path
/// (e.g. <c>domains[3].registrar</c>).
/// </summary>
/// <param name="File">The source name (file path or a name given to <see cref="WorldLoader.Parse"/>).</param>
/// <param name="Line">1-based line, or 0 when the world did not come from text.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Path">The field path, e.g. <c>zones[2].records[0].data</c>; empty for the document itself.</param>
/// <param name="Message">What is wrong.</param>
public sealed record WorldError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>Formats as <c>demo.yaml:42:5: domains[3].registrar: unknown registrar 'foo'</c>.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Path.Length > 0 ? $"{location}: {Path}: {Message}" : $"{location}: {Message}";
    }
}
