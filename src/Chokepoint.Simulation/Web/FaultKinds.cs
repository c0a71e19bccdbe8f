namespace Chokepoint.Simulation.Web;

/// <summary>The fault kinds (<see cref="World.Fault.Kind"/>) that the web, certificate and RDAP servers act on.</summary>
public static class FaultKinds
{
    /// <summary>Adds <see cref="World.Fault.DelayMs"/> before the answer.</summary>
    public const string Delay = "delay";

    /// <summary>Every request answers 500.</summary>
    public const string Http500 = "http-500";

    /// <summary>The body is sent in small chunks, <see cref="World.Fault.DelayMs"/> apart.</summary>
    public const string SlowBody = "slow-body";

    /// <summary>A chunked body that never ends, until the client goes away.</summary>
    public const string EndlessBody = "endless-body";

    /// <summary>Every request is redirected, alternately between two URLs, forever.</summary>
    public const string RedirectLoop = "redirect-loop";

    /// <summary>A 50 MB page, streamed.</summary>
    public const string OversizedPage = "oversized-page";

    /// <summary>The served certificate names another host.</summary>
    public const string CertWrongName = "cert-wrong-name";

    /// <summary>The served certificate's validity ended in the past.</summary>
    public const string CertExpired = "cert-expired";

    /// <summary>The served certificate chains to a root that is not published.</summary>
    public const string CertUntrusted = "cert-untrusted";

    /// <summary>RDAP answers 404 for every name.</summary>
    public const string Rdap404 = "rdap-404";

    /// <summary>RDAP answers 429 with Retry-After.</summary>
    public const string Rdap429 = "rdap-429";

    /// <summary>RDAP answers 503 Service Unavailable for every name.</summary>
    public const string Rdap503 = "rdap-503";

    /// <summary>RDAP answers 200 with a body that is not valid JSON.</summary>
    public const string RdapInvalidJson = "rdap-invalid-json";
}
