using System.Security.Cryptography.X509Certificates;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// The certificate trust the collectors use: the profile's root CA through
/// <see cref="X509ChainTrustMode.CustomRootTrust"/> when one is given, the system store otherwise.
/// Validation is never switched off; errors are reported.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280: X.509 certificates</seealso>
public static class TrustPolicy
{
    /// <summary>
    /// A chain policy trusting only the profile's root CA, or null when the profile uses the system trust store.
    /// </summary>
    public static X509ChainPolicy? Create(NetworkProfile profile, DateTime? verificationTime = null)
    {
        if (string.IsNullOrWhiteSpace(profile.RootCaPem))
        {
            return null;
        }

        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        foreach (var root in LoadPem(profile.RootCaPem))
        {
            policy.CustomTrustStore.Add(root);
        }

        if (verificationTime is { } at)
        {
            policy.VerificationTime = at;
            policy.VerificationTimeIgnored = false;
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
