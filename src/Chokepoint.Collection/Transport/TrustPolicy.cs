using System.Security.Cryptography.X509Certificates;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// The certificate trust the collectors use: the profile's root CA through
/// <see cref="X509ChainTrustMode.CustomRootTrust"/> when one is given, the system store otherwise; never a download.
/// Validation is never switched off; errors are reported.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280: X.509 certificates</seealso>
public static class TrustPolicy
{
    /// <summary>
    /// The chain policy: only the profile's root CA when it names one, else the system trust store. Issuer
    /// certificates are never downloaded (the AIA "CA Issuers" URL a certificate names): that fetch would go to an
    /// address the site chooses, outside the address policy and the time budget. A site that does not send its
    /// intermediates is then reported with an incomplete chain.
    /// </summary>
    public static X509ChainPolicy Create(NetworkProfile profile, DateTime? verificationTime = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Create(LoadRoots(profile), verificationTime);
    }

    /// <summary>The profile's root CAs, parsed once, or null when it trusts the system store.</summary>
    /// <param name="profile">The network profile.</param>
    /// <returns>The roots; the caller keeps them for as long as it makes policies from them.</returns>
    public static X509Certificate2Collection? LoadRoots(NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return string.IsNullOrWhiteSpace(profile.RootCaPem) ? null : LoadPem(profile.RootCaPem);
    }

    /// <summary>The chain policy over roots already parsed (<see cref="LoadRoots"/>); the system store when null.</summary>
    /// <param name="roots">The only roots to trust, or null for the system store.</param>
    /// <param name="verificationTime">The time to validate at, or null for now.</param>
    /// <returns>A new policy; the roots are shared, not copied.</returns>
    public static X509ChainPolicy Create(X509Certificate2Collection? roots, DateTime? verificationTime = null)
    {
        var custom = roots is not null;
        var policy = new X509ChainPolicy
        {
            TrustMode = custom ? X509ChainTrustMode.CustomRootTrust : X509ChainTrustMode.System,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        if (verificationTime is { } at)
        {
            policy.VerificationTime = at;
            policy.VerificationTimeIgnored = false;
        }

        if (!custom)
        {
            return policy;
        }

        policy.CustomTrustStore.AddRange(roots!);

        return policy;
    }

    /// <summary>Every certificate in a PEM text.</summary>
    public static X509Certificate2Collection LoadPem(string pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        return collection;
    }
}
