using System.Security.Cryptography.X509Certificates;
using Chokepoint.Observations.Tls;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Tls;

/// <summary>Reads the facts attribution uses from an X.509 certificate.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280: X.509 certificates</seealso>
public static class CertificateReader
{
    private const string OrganizationOid = "2.5.4.10";
    private const string CommonNameOid = "2.5.4.3";

    /// <summary>Subject, issuer (and its O and CN), SANs, validity, OCSP URLs (AIA) and serial number.</summary>
    public static CertificateObservation Read(X509Certificate2 certificate) => new()
    {
        Subject = certificate.Subject,
        Issuer = certificate.Issuer,
        IssuerOrganization = Attribute(certificate.IssuerName, OrganizationOid),
        IssuerCommonName = Attribute(certificate.IssuerName, CommonNameOid),
        SubjectAlternativeNames = AlternativeNames(certificate),
        NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
        NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
        OcspUrls = OcspUrls(certificate),
        SerialNumber = certificate.SerialNumber,
    };

    /// <summary>
    /// The hosts of the certificate's OCSP responders (RFC 5280 section 4.2.2.1), lowercase, without repeats; URLs
    /// that are not absolute are left out.
    /// </summary>
    public static IReadOnlyList<string> OcspHosts(CertificateObservation certificate) =>
        certificate.OcspUrls
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? HostName.Of(uri) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string? Attribute(X500DistinguishedName name, string oid)
    {
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == oid)
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }

    private static List<string> AlternativeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            var san = extension as X509SubjectAlternativeNameExtension
                ?? (extension.Oid?.Value == "2.5.29.17" ? new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical) : null);
            if (san is not null)
            {
                names.AddRange(san.EnumerateDnsNames().Select(n => n.ToLowerInvariant()));
                names.AddRange(san.EnumerateIPAddresses().Select(a => a.ToString()));
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> OcspUrls(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            var aia = extension as X509AuthorityInformationAccessExtension
                ?? (extension.Oid?.Value == "1.3.6.1.5.5.7.1.1" ? new X509AuthorityInformationAccessExtension(extension.RawData, extension.Critical) : null);
            if (aia is not null)
            {
                return aia.EnumerateOcspUris().ToList();
            }
        }

        return [];
    }
}
