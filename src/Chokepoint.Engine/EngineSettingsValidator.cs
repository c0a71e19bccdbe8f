using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Chokepoint.Engine;

/// <summary>
/// Checks <see cref="EngineSettings"/> before any network work: a malformed resolver, a port out of range, a
/// bootstrap that is not an absolute URL, a PEM that holds no certificate, a missing ASN file, or a budget out of
/// range is one clear line each, so a bad setting fails when the engine is built, not mid-audit.
/// </summary>
public sealed class EngineSettingsValidator : IValidateOptions<EngineSettings>
{
    private static readonly TimeSpan MaxBudget = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EngineSettings options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with <paramref name="settings"/>, one line each; empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(EngineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        CheckSpan(errors, "siteBudget", settings.SiteBudget);
        CheckSpan(errors, "dnsQueryTimeout", settings.DnsQueryTimeout);
        CheckSpan(errors, "rdapTimeout", settings.RdapTimeout);
        CheckSpan(errors, "tlsTimeout", settings.TlsTimeout);
        CheckSpan(errors, "httpTimeout", settings.HttpTimeout);
        if (settings.MaxProbedHosts is < 0 or > Collection.Page.PageCollectorOptions.MaxProbedHostsLimit)
        {
            errors.Add(Invariant($"maxProbedHosts: {settings.MaxProbedHosts} is not between 0 and {Collection.Page.PageCollectorOptions.MaxProbedHostsLimit}"));
        }

        if (settings.MaxConcurrentAudits is < 1 or > 1024)
        {
            errors.Add(Invariant($"maxConcurrentAudits: {settings.MaxConcurrentAudits} is not between 1 and 1024"));
        }

        var network = settings.Network;
        if (network is null)
        {
            errors.Add("network: no network profile");
            return errors;
        }

        if (settings.DnsCacheSize < 0)
        {
            errors.Add(Invariant($"dnsCacheSize: {settings.DnsCacheSize} is negative"));
        }

        CheckSpan(errors, "rdapBootstrapMaxAge", settings.RdapBootstrapMaxAge, TimeSpan.FromDays(30));
        CheckLimits(errors, "dnsServerLimits", settings.DnsServerLimits);
        CheckLimits(errors, "rdapServerLimits", settings.RdapServerLimits);
        CheckLimits(errors, "webHostLimits", settings.WebHostLimits);
        if (settings.AddressPolicy is { } mode && !Enum.IsDefined(mode))
        {
            errors.Add(Invariant($"addressPolicy: {(int)mode} is not a mode (publicInternet, simulation, unrestricted)"));
        }

        if (network.Resolver is { } resolver && ResolverProblem(resolver) is { } problem)
        {
            errors.Add($"network.resolver: {problem}");
        }

        CheckPort(errors, "network.dnsPort", network.DnsPort);
        CheckPort(errors, "network.httpPort", network.HttpPort);
        CheckPort(errors, "network.httpsPort", network.HttpsPort);
        if (network.RdapBootstrap is { } bootstrap
            && !(Uri.TryCreate(bootstrap, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"network.rdapBootstrap: '{bootstrap}' is not an absolute http or https URL");
        }

        if (network.RootCaPem is { } pem && PemProblem(pem) is { } pemProblem)
        {
            errors.Add($"network.rootCaPem: {pemProblem}");
        }

        if (network.AsnDatabase is { } asn && !File.Exists(asn))
        {
            errors.Add($"network.asnDb: {asn}: no such file");
        }

        if (string.IsNullOrWhiteSpace(network.Name))
        {
            errors.Add("network.name: empty");
        }

        return errors;
    }

    /// <summary>Why <paramref name="text"/> is not an "ADDRESS:PORT" (or "ADDRESS") of a resolver, or null when it is one.</summary>
    public static string? ResolverProblem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "empty; give ADDRESS:PORT, e.g. 127.0.0.1:5353";
        }

        if (!IPEndPoint.TryParse(text.Trim(), out var endPoint))
        {
            return $"'{text}' is not ADDRESS:PORT (an IP address, not a host name, e.g. 127.0.0.1:5353 or [::1]:53)";
        }

        return endPoint.Port is < 0 or > 65535 ? $"'{text}': port out of range" : null;
    }

    /// <summary>Why <paramref name="pem"/> holds no usable certificate, or null when it does.</summary>
    public static string? PemProblem(string pem)
    {
        if (!pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return "not a PEM certificate (no BEGIN CERTIFICATE block)";
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return null;
        }
        catch (CryptographicException exception)
        {
            return $"the PEM certificate cannot be read: {exception.Message}";
        }
    }

    private static void CheckSpan(List<string> errors, string name, TimeSpan value, TimeSpan? most = null)
    {
        var limit = most ?? MaxBudget;
        if (value <= TimeSpan.Zero || value > limit)
        {
            errors.Add(Invariant($"{name}: {value.TotalSeconds:0.###} s is not more than 0 and at most {limit.TotalSeconds:0} s"));
        }
    }

    private static void CheckLimits(List<string> errors, string name, Collection.Session.ServerLimits? limits)
    {
        if (limits is null)
        {
            errors.Add($"{name}: missing (give maxConcurrent and maxPerSecond)");
        }
        else if (limits.MaxConcurrent is < 1 or > 100_000 || limits.MaxPerSecond is < 0 or > 1_000_000)
        {
            errors.Add(Invariant($"{name}: maxConcurrent {limits.MaxConcurrent} must be 1 to 100000 and maxPerSecond {limits.MaxPerSecond} 0 (no limit) to 1000000"));
        }
    }

    private static void CheckPort(List<string> errors, string name, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add(Invariant($"{name}: {port} is not a port (1 to 65535)"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
