namespace Chokepoint.Attribution.Catalog;

/// <summary>One catalog rule: a pattern for one kind of signal, with the public source that documents it.</summary>
/// <param name="Kind">The kind of signal.</param>
/// <param name="Pattern">The pattern as written in the data file (host pattern, ASN, issuer name, header, ...).</param>
/// <param name="Source">Public URL documenting the fact.</param>
public sealed record Signal(SignalKind Kind, string Pattern, string Source)
{
    /// <summary>The data-file word for <see cref="Kind"/>.</summary>
    public string KindWord => SignalKinds.ToWord(Kind);
}
