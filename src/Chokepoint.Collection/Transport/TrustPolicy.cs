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
        var custom = !string.IsNullOrWhiteSpace(profile.RootCaPem);
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

        foreach (var root in LoadPem(profile.RootCaPem!))
        {
            policy.CustomTrustStore.Add(root);
        }

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
