namespace Chokepoint.Engine;

/// <summary>A company named for a what-if is neither a catalog id, a company or product name, nor one the site uses.</summary>
public sealed class UnknownCompanyException : Exception
{
    public UnknownCompanyException()
    {
    }

    public UnknownCompanyException(string message)
        : base(message)
    {
    }

    public UnknownCompanyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
