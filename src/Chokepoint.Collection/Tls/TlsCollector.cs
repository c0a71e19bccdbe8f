using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;
using Chokepoint.Observations.Tls;
using Microsoft.Extensions.Logging;

namespace Chokepoint.Collection.Tls;

/// <summary>
/// Connects to a host's HTTPS port with SNI, completes the handshake and records the chain the server sent
/// (leaf first) and whether it validates against the profile's trust (custom root or system store) at the
/// <see cref="TimeProvider"/>'s time. Validation runs in full and its errors are recorded (wrong name, expired,
/// untrusted); the connection is closed without sending any data.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8446">RFC 8446: TLS 1.3</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc6066#section-3">RFC 6066 section 3: Server Name Indication</seealso>
public sealed class TlsCollector(NetworkProfile profile, DnsLookup dns, TimeProvider time, TlsCollectorOptions? options = null)
{
    private readonly TlsCollectorOptions options = options ?? new TlsCollectorOptions();

    // The profile's roots, parsed once for every handshake rather than from PEM for each (their handles were left to
    // the finalizer, a fifth of a scan's thread time).
    private readonly X509Certificate2Collection? roots = TrustPolicy.LoadRoots(profile);

    /// <summary>
    /// Handshakes with <paramref name="host"/> (at <paramref name="address"/> if given); failures become a gap about
    /// <see cref="GapKeys.Tls"/> for the host: a failed handshake <see cref="GapKind.TlsInvalid"/>, no connection
    /// <see cref="GapKind.ConnectionFailed"/> (or <see cref="GapKind.Refused"/>). A chain that does not validate is an
    /// observation (<see cref="TlsObservation.Valid"/> false), not a gap.
    /// </summary>
    public async Task<Collected<TlsObservation>> CollectAsync(string host, IPAddress? address, CancellationToken cancellationToken)
    {
        host = DnsPresentation.Host(host);
        using var activity = CollectionTelemetry.Source.StartActivity(CollectionTelemetry.TlsHandshake, ActivityKind.Client);
        activity?.SetTag("server.address", host);
        var collected = await HandshakeAsync(host, address, activity, cancellationToken);
        if (collected.Unobserved is [var gap, ..])
        {
            activity?.SetStatus(ActivityStatusCode.Error, gap.Reason);
            if (options.Logger is { } logger && logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("TLS handshake with {Host} failed: {Reason}", host, gap.Reason);
            }
        }

        activity?.SetTag("tls.outcome", collected.Value is { Valid: true } ? "valid" : collected.Value is null ? "failed" : "invalid");
        return collected;
    }

    private async Task<Collected<TlsObservation>> HandshakeAsync(
        string host, IPAddress? address, Activity? activity, CancellationToken cancellationToken)
    {
        using var probe = new ProbeTimer(options.Timeout, time, cancellationToken);
        var waiting = false;
        try
        {
            if (address is null)
            {
                var addresses = await dns.ResolveAddressesAsync(host, probe.Token);
                if (addresses.Count == 0)
                {
                    return Missing(host, GapKind.ConnectionFailed, $"{host} has no address");
                }

                address = addresses[0];
            }

            activity?.SetTag("network.peer.address", address.ToString());
            if (options.AddressPolicy.RefusalReason(address) is { } refusal)
            {
                return Missing(host, GapKind.RefusedByPolicy, refusal);
            }

            var endPoint = new IPEndPoint(address, profile.HttpsPort);
            waiting = options.HostLimiter is not null;
            using var lease = options.HostLimiter is { } limiter ? await limiter.AcquireAsync(HostLimitHandler.Key(host), 1, probe.Token) : null;
            waiting = false;
            if (lease is { IsAcquired: false })
            {
                return Missing(host, GapKind.Bounded, $"not attempted: more than {Session.ServerLimits.QueueLimit} connections were waiting for {host} under the per-host limit");
            }

            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint, probe.Token);
            await using var network = new NetworkStream(socket, ownsSocket: false);
            Captured? captured = null;
            await using var ssl = new SslStream(network, leaveInnerStreamOpen: false);
            var policy = TrustPolicy.Create(roots, time.GetUtcNow().UtcDateTime);
            var authentication = new SslClientAuthenticationOptions
            {
                TargetHost = host,
                CertificateChainPolicy = policy,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    // Record the validation result, then let it decide as usual: an invalid chain ends the handshake.
                    captured = Capture(certificate, chain, errors);
                    return errors == SslPolicyErrors.None;
                },
            };
            try
            {
                await ssl.AuthenticateAsClientAsync(authentication, probe.Token);
            }
            catch (AuthenticationException) when (captured is not null)
            {
                return Observed(host, endPoint, captured, protocol: null);
            }

            return captured is null
                ? Missing(host, GapKind.TlsInvalid, "the server sent no certificate")
                : Observed(host, endPoint, captured, ssl.SslProtocol.ToString());
        }
        catch (OperationCanceledException) when (probe.TimedOut && waiting)
        {
            return Missing(host, GapKind.Bounded, string.Create(CultureInfo.InvariantCulture, $"not attempted: no turn under the per-host limit for {host} within {options.Timeout.TotalSeconds:0.###} s"));
        }
        catch (OperationCanceledException) when (probe.TimedOut)
        {
            return Missing(host, GapKind.Timeout, probe.TimeoutReason);
        }
        catch (SocketException exception)
        {
            return Missing(host, FailureKinds.Of(exception), FailureText.Describe(exception));
        }
        catch (AuthenticationException exception)
        {
            return Missing(host, GapKind.TlsInvalid, $"TLS handshake failed: {FailureText.Describe(exception)}");
        }
        catch (IOException exception) when (!probe.Token.IsCancellationRequested)
        {
            return Missing(host, GapKind.TlsInvalid, $"TLS handshake failed: {FailureText.Describe(exception)}");
        }
    }

    /// <summary>Errors in words: "certificate does not match host name", "certificate expired or not yet valid", "untrusted: ...".</summary>
    public static List<string> DescribeErrors(SslPolicyErrors errors, X509Chain? chain)
    {
        var described = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            described.Add("no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            described.Add("certificate does not match host name");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList() ?? [];
            if (statuses.Any(s => s is X509ChainStatusFlags.NotTimeValid or X509ChainStatusFlags.NotTimeNested))
            {
                described.Add("certificate expired or not yet valid");
            }

            if (statuses.Any(s => s is X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain))
            {
                described.Add("untrusted: the chain does not lead to a trusted root");
            }

            var other = statuses
                .Where(s => s is not (X509ChainStatusFlags.NotTimeValid or X509ChainStatusFlags.NotTimeNested
                    or X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain))
                .Select(s => "chain error: " + s)
                .ToList();
            described.AddRange(other);
            if (described.Count == 0)
            {
                described.Add("chain error");
            }
        }

        return described;
    }

    private static Captured Capture(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var certificates = new List<X509Certificate2>();
        if (certificate is not null)
        {
            var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            certificates.Add(leaf);
            var extra = chain?.ChainPolicy.ExtraStore.Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList() ?? [];
            var current = leaf;
            while (extra.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData)
                       && !certificates.Exists(seen => seen.Thumbprint == c.Thumbprint)) is { } issuer)
            {
                certificates.Add(issuer);
                current = issuer;
            }

            certificates.AddRange(extra.Where(c => !certificates.Exists(seen => seen.Thumbprint == c.Thumbprint)));
        }

        var observed = certificates.Select(CertificateReader.Read).ToList();
        foreach (var c in certificates)
        {
            c.Dispose();
        }

        return new Captured(observed, DescribeErrors(errors, chain));
    }

    private Collected<TlsObservation> Observed(string host, IPEndPoint endPoint, Captured captured, string? protocol) => new()
    {
        Value = new TlsObservation
        {
            Host = host,
            Chain = captured.Chain,
            Valid = captured.Errors.Count == 0,
            ValidationErrors = captured.Errors,
            OcspStapled = null,
            Protocol = protocol,
            Provenance = new Provenance($"tls {endPoint} sni {host}", time.GetUtcNow()),
        },
    };

    private static Collected<TlsObservation> Missing(string host, GapKind kind, string reason) =>
        new() { Unobserved = [Unobserved.Of(GapKeys.Tls, kind, reason, host)] };

    private sealed record Captured(List<CertificateObservation> Chain, List<string> Errors);
}
