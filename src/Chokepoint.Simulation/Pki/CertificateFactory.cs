using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chokepoint.Simulation.Pki;

/// <summary>
/// Makes the certificates of the simulated PKI: roots, intermediates and TLS server leaves, all ECDSA P-256.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280: X.509 certificate profile</seealso>
internal static class CertificateFactory
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>A self-signed CA certificate with its private key.</summary>
    public static X509Certificate2 CreateRoot(string commonName, string organization, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(DistinguishedName(commonName, organization), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return Portable(request.CreateSelfSigned(notBefore, notAfter));
    }

    /// <summary>An intermediate CA certificate (path length 0) signed by <paramref name="issuer"/>, with its private key.</summary>
    public static X509Certificate2 CreateIntermediate(
        X509Certificate2 issuer, string commonName, string organization, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(DistinguishedName(commonName, organization), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        (notBefore, notAfter) = Clamp(issuer, notBefore, notAfter);
        using var certificate = request.Create(issuer, notBefore, notAfter, SerialNumber());
        return Portable(certificate.CopyWithPrivateKey(key));
    }

    /// <summary>
    /// A TLS server certificate for <paramref name="names"/> (subject alternative names; the first is also the CN),
    /// signed by <paramref name="issuer"/>, with extended key usage serverAuth and, when given, an OCSP responder in
    /// the authority information access extension.
    /// </summary>
    public static X509Certificate2 CreateLeaf(
        X509Certificate2 issuer, IReadOnlyList<string> names, DateTimeOffset notBefore, DateTimeOffset notAfter, Uri? ocsp)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(names[0]);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            alternativeNames.AddDnsName(name);
        }

        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (ocsp is not null)
        {
            request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([ocsp.AbsoluteUri], null));
        }

        (notBefore, notAfter) = Clamp(issuer, notBefore, notAfter);
        using var certificate = request.Create(issuer, notBefore, notAfter, SerialNumber());
        return Portable(certificate.CopyWithPrivateKey(key));
    }

    private static X500DistinguishedName DistinguishedName(string commonName, string organization)
    {
        // The builder encodes in the reverse order of the calls: this gives O then CN, as CAs write them.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        if (organization.Length > 0)
        {
            builder.AddOrganizationName(organization);
        }

        return builder.Build();
    }

    // CertificateRequest.Create refuses a validity outside the issuer's.
    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Clamp(
        X509Certificate2 issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var issuerNotBefore = new DateTimeOffset(issuer.NotBefore.ToUniversalTime());
        var issuerNotAfter = new DateTimeOffset(issuer.NotAfter.ToUniversalTime());
        var start = notBefore < issuerNotBefore ? issuerNotBefore : notBefore;
        var end = notAfter > issuerNotAfter ? issuerNotAfter : notAfter;
        return end <= start ? (start, start.AddSeconds(1)) : (start, end);
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    // Windows' TLS stack cannot use ephemeral keys; a PKCS#12 round trip gives the key a home.
    private static X509Certificate2 Portable(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
