using System.Security.Cryptography.X509Certificates;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations.Network;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.Pki;

namespace Chokepoint.Collection.Tests.Transport;

/// <summary>
/// Regression: with the system trust store no chain policy was set, so .NET downloaded missing issuer certificates
/// from the URL a site's certificate names (AIA), through its own client: outside the address policy, to any
/// address the site chose (169.254.169.254 included), and outside the time budget.
/// </summary>
public sealed class TrustPolicyTests
{
    [Fact]
    public void The_system_trust_store_is_used_without_downloads()
    {
        var policy = TrustPolicy.Create(NetworkProfile.Internet);

        Assert.Equal(X509ChainTrustMode.System, policy.TrustMode);
        Assert.True(policy.DisableCertificateDownloads);
    }

    [Fact]
    public void A_profile_root_is_trusted_alone_and_without_downloads()
    {
        using var pki = new SimulatedPki(DemoWorld.Load(), TimeProvider.System);
        var policy = TrustPolicy.Create(NetworkProfile.Internet with { RootCaPem = pki.RootCertificatePem });

        Assert.Equal(X509ChainTrustMode.CustomRootTrust, policy.TrustMode);
        Assert.True(policy.DisableCertificateDownloads);
        Assert.Single(policy.CustomTrustStore);
    }
}
