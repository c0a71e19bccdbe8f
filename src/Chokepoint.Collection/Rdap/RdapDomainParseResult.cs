using Chokepoint.Observations.Registration;

namespace Chokepoint.Collection.Rdap;

/// <summary>The outcome of parsing an RDAP domain response: the registration facts, or why there are none.</summary>
public sealed record RdapDomainParseResult
{
    /// <summary>The domain the response describes (ldhName, lowercased), when given.</summary>
    public string? Domain { get; init; }

    /// <summary>The registration facts; null when <see cref="Error"/> is set.</summary>
    public RegistrationObservation? Registration { get; init; }

    /// <summary>The registrar's own RDAP URL for the domain (a "related" link), when the registry gives one.</summary>
    public Uri? RegistrarRdapUrl { get; init; }

    /// <summary>Why the response could not be read as a domain, e.g. "RDAP error 501: Not Implemented".</summary>
    public string? Error { get; init; }

    /// <summary>True when <see cref="Registration"/> is set.</summary>
    public bool Succeeded => Registration is not null;

    /// <summary>A failed parse.</summary>
    public static RdapDomainParseResult Failed(string error) => new() { Error = error };
}
