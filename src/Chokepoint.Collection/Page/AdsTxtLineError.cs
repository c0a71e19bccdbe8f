namespace Chokepoint.Collection.Page;

/// <summary>A line of ads.txt that could not be read as a record or a variable. Reported, never fatal.</summary>
/// <param name="File">"ads.txt" or "app-ads.txt".</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Reason">What is wrong with the line, e.g. "expected DIRECT or RESELLER, found 'DIRCT'".</param>
/// <param name="Text">The line as written (cut to 200 characters).</param>
public sealed record AdsTxtLineError(string File, int Line, string Reason, string Text)
{
    /// <summary>One line of text for reports, e.g. <c>ads.txt line 12: expected DIRECT or RESELLER (google.com, pub-1, DIRCT)</c>.</summary>
    public override string ToString() => $"{File} line {Line}: {Reason} ({Text})";
}
