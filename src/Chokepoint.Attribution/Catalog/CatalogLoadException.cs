namespace Chokepoint.Attribution.Catalog;

/// <summary>A catalog data file is malformed or contradicts another file. The message names the file and the entry.</summary>
public sealed class CatalogLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogLoadException()
    {
    }

    /// <summary>Creates the exception with a message naming the file and entry.</summary>
    public CatalogLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying parse error.</summary>
    public CatalogLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
