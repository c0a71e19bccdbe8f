namespace Chokepoint.Model;

/// <summary>Whether a dependency is run by the site itself or by someone else (MEASUREMENT.md, Kashaf et al.).</summary>
public static class Classification
{
    public const string Private = "private";
    public const string ThirdParty = "third-party";
    public const string Unknown = "unknown";
}
