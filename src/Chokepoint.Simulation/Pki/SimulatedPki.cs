using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Chokepoint.Simulation.Web;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Pki;

/// <summary>
/// The certificates of a simulated world: one published root ("Chokepoint Simulated Root"), an intermediate per
/// <see cref="CertificateAuthority"/>, and a leaf per <see cref="WebHost"/>, made in-process on first use and cached.
/// Faults "cert-wrong-name", "cert-expired" and "cert-untrusted" on "web:HOST" (or "*") change the leaf served.
/// </summary>
/// <remarks>
/// OCSP stapling is not simulated: <see cref="SslStreamCertificateContext"/> has no public way to staple a response
/// produced offline, so <see cref="SiteCertificate.OcspStapled"/> hosts serve no staple. The root is deliberately not
/// handed to <see cref="SslStreamCertificateContext.Create(X509Certificate2, X509Certificate2Collection?, bool, SslCertificateTrust?)"/>:
/// with a complete chain the runtime would try to fetch an OCSP response from the leaf's AIA URL, off loopback.
/// </remarks>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280: X.509 certificate profile</seealso>
public sealed class SimulatedPki : IDisposable
{
    /// <summary>Common name of the published root.</summary>
    public const string RootCommonName = "Chokepoint Simulated Root";

    /// <summary>Common name of the unpublished root that "cert-untrusted" chains to.</summary>
    public const string UnpublishedRootCommonName = "Chokepoint Unpublished Root";

    /// <summary>The name a "cert-wrong-name" leaf is issued for.</summary>
    public const string WrongName = "wrong-name.invalid";

    private const string RootOrganization = "Chokepoint Simulation";

    private readonly World.World _world;
    private readonly TimeProvider _timeProvider;
    private readonly FaultIndex _faults;
    private readonly Dictionary<string, WebHost> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<X509Certificate2> _unpublishedRoot;
    private readonly ConcurrentDictionary<(string Ca, bool Published), Lazy<X509Certificate2>> _intermediates = new();
    private readonly ConcurrentDictionary<LeafKey, Lazy<SslStreamCertificateContext?>> _contexts = new();
    private readonly DateTimeOffset _rootNotBefore;
    private readonly DateTimeOffset _rootNotAfter;
    private bool _disposed;

    /// <summary>
    /// Creates the root now; intermediates and leaves are made when first asked for. The web hosts are read now;
    /// faults are read on every call.
    /// </summary>
    public SimulatedPki(World.World world, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _world = world;
        _timeProvider = timeProvider;
        _faults = new FaultIndex(world);
        foreach (var webHost in world.WebHosts)
        {
            _hosts.TryAdd(webHost.Host.TrimEnd('.'), webHost);
        }

        var now = timeProvider.GetUtcNow();
        _rootNotBefore = now.AddYears(-5);
        _rootNotAfter = now.AddYears(20);
        foreach (var certificate in world.WebHosts.Select(h => h.Certificate).OfType<SiteCertificate>())
        {
            // World validation keeps certificate dates a day inside what X.509 can carry; clamped again here so
            // that a world built in code cannot make the root's dates overflow.
            if (certificate.NotAfter > certificate.NotBefore && certificate.NotBefore < _rootNotBefore)
            {
                _rootNotBefore = Max(certificate.NotBefore, WorldSyntax.EarliestCertificateDate).AddDays(-1);
            }

            if (certificate.NotAfter > _rootNotAfter)
            {
                _rootNotAfter = Min(certificate.NotAfter, WorldSyntax.LatestCertificateDate).AddDays(1);
            }
        }

        RootCertificate = CertificateFactory.CreateRoot(RootCommonName, RootOrganization, _rootNotBefore, _rootNotAfter);
        RootCertificatePem = RootCertificate.ExportCertificatePem();
        _unpublishedRoot = new(() =>
            CertificateFactory.CreateRoot(UnpublishedRootCommonName, RootOrganization, _rootNotBefore, _rootNotAfter));
    }

    /// <summary>The published root, with its private key (export only <see cref="RootCertificatePem"/>).</summary>
    public X509Certificate2 RootCertificate { get; }

    /// <summary>The published root as PEM, for a trust store.</summary>
    public string RootCertificatePem { get; }

    /// <summary>
    /// The TLS server context for <paramref name="hostName"/> (the SNI name), with its current certificate faults
    /// applied; null when the world serves no certificate for that name.
    /// </summary>
    public SslStreamCertificateContext? GetServerContext(string hostName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(hostName);
        if (!_hosts.TryGetValue(hostName.TrimEnd('.'), out var host) || host.Certificate is null)
        {
            return null;
        }

        var target = "web:" + host.Host;
        var key = new LeafKey(
            host.Host.ToLowerInvariant(),
            _faults.Has(target, FaultKinds.CertWrongName),
            _faults.Has(target, FaultKinds.CertExpired),
            _faults.Has(target, FaultKinds.CertUntrusted));
        return _contexts.GetOrAdd(key, k => new Lazy<SslStreamCertificateContext?>(() => CreateContext(host, k))).Value;
    }

    /// <summary>The leaf certificate served for <paramref name="hostName"/>, or null (see <see cref="GetServerContext"/>).</summary>
    public X509Certificate2? GetLeafCertificate(string hostName) => GetServerContext(hostName)?.TargetCertificate;

    /// <summary>The intermediate of the certificate authority <paramref name="authorityId"/>, chaining to the published root.</summary>
    public X509Certificate2 GetIntermediate(string authorityId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var authority = _world.CertificateAuthorities.FirstOrDefault(a => a.Id == authorityId)
            ?? throw new ArgumentException($"No certificate authority '{authorityId}' in the world.", nameof(authorityId));
        return Intermediate(authority, published: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        RootCertificate.Dispose();
        if (_unpublishedRoot.IsValueCreated)
        {
            _unpublishedRoot.Value.Dispose();
        }

        foreach (var intermediate in _intermediates.Values.Where(l => l.IsValueCreated))
        {
            intermediate.Value.Dispose();
        }

        foreach (var context in _contexts.Values.Where(l => l.IsValueCreated))
        {
            context.Value?.TargetCertificate.Dispose();
        }
    }

    private SslStreamCertificateContext? CreateContext(WebHost host, LeafKey key)
    {
        var site = host.Certificate!;
        var authority = _world.CertificateAuthorities.FirstOrDefault(a => a.Id == site.Issuer)
            ?? new CertificateAuthority { Id = site.Issuer, CommonName = site.Issuer.Length > 0 ? site.Issuer : "Simulated CA" };
        var intermediate = Intermediate(authority, published: !key.Untrusted);

        IReadOnlyList<string> names = key.WrongName
            ? [WrongName]
            : site.SubjectAlternativeNames.Count > 0 ? site.SubjectAlternativeNames : [host.Host];

        var now = _timeProvider.GetUtcNow();
        DateTimeOffset notBefore, notAfter;
        if (key.Expired)
        {
            (notBefore, notAfter) = (now.AddDays(-120), now.AddDays(-30));
        }
        else if (site.NotAfter > site.NotBefore)
        {
            (notBefore, notAfter) = (site.NotBefore, site.NotAfter);
        }
        else
        {
            (notBefore, notAfter) = (now.AddDays(-30), now.AddDays(60));
        }

        var ocsp = string.IsNullOrEmpty(authority.OcspHost) ? null : new Uri($"http://{authority.OcspHost}/");
        var leaf = CertificateFactory.CreateLeaf(intermediate, names, notBefore, notAfter, ocsp);
        return SslStreamCertificateContext.Create(leaf, [intermediate], offline: true);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private X509Certificate2 Intermediate(CertificateAuthority authority, bool published) =>
        _intermediates.GetOrAdd((authority.Id, published), _ => new Lazy<X509Certificate2>(() =>
            CertificateFactory.CreateIntermediate(
                published ? RootCertificate : _unpublishedRoot.Value,
                authority.CommonName.Length > 0 ? authority.CommonName : authority.Id,
                authority.Organization,
                _rootNotBefore,
                _rootNotAfter))).Value;

    private readonly record struct LeafKey(string Host, bool WrongName, bool Expired, bool Untrusted);
}
