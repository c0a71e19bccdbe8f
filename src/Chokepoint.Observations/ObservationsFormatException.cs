namespace Chokepoint.Observations;

/// <summary>
/// An observations file that cannot be read: not JSON, not an observations file, a newer format version, or a member
/// of the wrong shape or value. The only exception <see cref="ObservationsJson.Read(Func{Stream})"/> throws for bad
/// input. <see cref="Path"/> names the member (<c>hosts[0].addresses[1].ip</c>; empty for the file as a whole) and the
/// message is one line, <c>{path}: {reason}</c> (docs/observations-format.md, "Validation").
/// </summary>
public sealed class ObservationsFormatException : Exception
{
    /// <summary>Creates the exception for a problem with the file as a whole.</summary>
    public ObservationsFormatException()
        : this("", "not a readable observations file")
    {
    }

    /// <summary>Creates the exception for a problem with the file as a whole.</summary>
    public ObservationsFormatException(string message)
        : this("", message)
    {
    }

    /// <summary>Creates the exception for a problem with the file as a whole, caused by <paramref name="innerException"/>.</summary>
    public ObservationsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
        Reason = message;
    }

    /// <summary>Creates the exception for the member at <paramref name="path"/> (empty: the file as a whole).</summary>
    public ObservationsFormatException(string path, string reason)
        : base(path.Length == 0 ? reason : $"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The member that is wrong, as a JSON-path-like path without the leading <c>$.</c> (<c>dns.nameServers</c>); empty for the whole file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path (<c>null where a list is expected</c>).</summary>
    public string Reason { get; }
}
