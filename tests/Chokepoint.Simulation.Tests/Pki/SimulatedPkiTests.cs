using System.Security.Cryptography.X509Certificates;
using Chokepoint.Simulation.Pki;
using Chokepoint.Simulation.Tests.Web;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Tests.Pki;

public sealed class SimulatedPkiTests
{
    [Fact]
    public void Root_is_a_self_signed_ca_with_the_simulated_name_and_exports_as_pem()
    {
        using var pki = new SimulatedPki(TestWorld.Create(), TimeProvider.System);

        Assert.Equal(pki.RootCertificate.Subject, pki.RootCertificate.Issuer);
        Assert.Contains("CN=Chokepoint Simulated Root", pki.RootCertificate.Subject, StringComparison.Ordinal);
        Assert.True(pki.RootCertificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        using var fromPem = X509Certificate2.CreateFromPem(pki.RootCertificatePem);
        Assert.Equal(pki.RootCertificate.Thumbprint, fromPem.Thumbprint);
    }

    [Fact]
    public void Leaf_carries_the_world_names_validity_issuer_ocsp_and_server_auth()
    {
        var world = TestWorld.Create();
        var site = world.WebHosts[0].Certificate!;
        using var pki = new SimulatedPki(world, TimeProvider.System);

        var leaf = pki.GetLeafCertificate("SHOP.test.")!;

        Assert.Equal("CN=shop.test", leaf.Subject);
        Assert.Equal("CN=Simulated Trust ECC CA 1, O=Simulated Trust", leaf.Issuer);
        Assert.Equal([TestWorld.ShopHost, TestWorld.WwwHost], leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.Equal(site.NotBefore.ToUnixTimeSeconds(), new DateTimeOffset(leaf.NotBefore).ToUnixTimeSeconds());
        Assert.Equal(site.NotAfter.ToUnixTimeSeconds(), new DateTimeOffset(leaf.NotAfter).ToUnixTimeSeconds());
        Assert.Equal(["http://ocsp.simtrust.example/"], leaf.Extensions.OfType<X509AuthorityInformationAccessExtension>().Single().EnumerateOcspUris());
        Assert.Equal("1.3.6.1.5.5.7.3.1", leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value);
        Assert.True(leaf.HasPrivateKey);
        Assert.True(Chain(pki, leaf, pki.GetIntermediate("simtrust")).Build(leaf));
    }

    [Fact]
    public void Leaves_are_made_once_per_host_and_hosts_without_a_certificate_have_none()
    {
        var world = TestWorld.Create();
        world.WebHosts.Add(new() { Host = "plain.test" });
        using var pki = new SimulatedPki(world, TimeProvider.System);

        Assert.Same(pki.GetServerContext("shop.test"), pki.GetServerContext("shop.test"));
        Assert.NotSame(pki.GetServerContext("shop.test"), pki.GetServerContext("www.shop.test"));
        Assert.Null(pki.GetServerContext("plain.test"));
        Assert.Null(pki.GetServerContext("nobody.test"));
    }

    [Fact]
    public void Ca_without_an_ocsp_host_issues_leaves_without_aia()
    {
        using var pki = new SimulatedPki(TestWorld.Create(), TimeProvider.System);

        var leaf = pki.GetLeafCertificate(TestWorld.BlogHost)!;

        Assert.Empty(leaf.Extensions.OfType<X509AuthorityInformationAccessExtension>());
        Assert.Equal("CN=Quiet CA R1, O=Quiet CA", leaf.Issuer);
    }

    [Fact]
    public void Certificate_faults_change_the_leaf()
    {
        var world = TestWorld.Create()
            .WithFault("web:shop.test", FaultKinds.CertWrongName)
            .WithFault("web:www.shop.test", FaultKinds.CertExpired)
            .WithFault("web:blog.example", FaultKinds.CertUntrusted);
        using var pki = new SimulatedPki(world, TimeProvider.System);

        var wrong = pki.GetLeafCertificate(TestWorld.ShopHost)!;
        var expired = pki.GetLeafCertificate(TestWorld.WwwHost)!;
        var untrustedContext = pki.GetServerContext(TestWorld.BlogHost)!;

        Assert.Equal([SimulatedPki.WrongName], wrong.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.True(expired.NotAfter < DateTime.Now);
        var untrustedIntermediate = untrustedContext.IntermediateCertificates.Single();
        Assert.Contains(SimulatedPki.UnpublishedRootCommonName, untrustedIntermediate.Issuer, StringComparison.Ordinal);
        using var chain = Chain(pki, untrustedContext.TargetCertificate, untrustedIntermediate);
        Assert.False(chain.Build(untrustedContext.TargetCertificate));
    }

    private static X509Chain Chain(SimulatedPki pki, X509Certificate2 leaf, X509Certificate2 intermediate)
    {
        _ = leaf;
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(pki.RootCertificate);
        chain.ChainPolicy.ExtraStore.Add(intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain;
    }
}
