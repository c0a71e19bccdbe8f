using System.CommandLine;
using Chokepoint.Engine.Data;
using Chokepoint.Collection.Transport;
using Chokepoint.Engine;
using Chokepoint.Observations.Network;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// The options every collecting command shares: a network profile file, or individual settings that override it.
/// Without any, the real internet is used (system resolver, IANA's RDAP bootstrap, system trust store).
/// </summary>
internal sealed class NetworkOptions
{
    public Option<FileInfo?> Network { get; } = new("--network") { Description = "Network profile JSON (as written by 'chokepoint sim serve --profile')." };

    public Option<string?> Resolver { get; } = new("--resolver") { Description = "Recursive resolver as ADDRESS:PORT." };

    public Option<string?> RdapBootstrap { get; } = new("--rdap-bootstrap") { Description = "URL of the RDAP DNS bootstrap file." };

    public Option<FileInfo?> TrustCa { get; } = new("--trust-ca") { Description = "PEM file of a root CA to trust instead of the system store." };

    public Option<FileInfo?> AsnDb { get; } = new("--asn-db") { Description = "IP-to-ASN CSV file (start,end,asn,organisation)." };

    public Option<string?> AddressPolicy { get; } = CreateAddressPolicy();

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Time budget for collecting one site, in seconds.",
        DefaultValueFactory = _ => 30,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Network);
        command.Options.Add(Resolver);
        command.Options.Add(RdapBootstrap);
        command.Options.Add(TrustCa);
        command.Options.Add(AsnDb);
        command.Options.Add(AddressPolicy);
        command.Options.Add(Timeout);
    }

    private static Option<string?> CreateAddressPolicy()
    {
        var option = new Option<string?>("--address-policy")
        {
            Description = "Where collectors may connect: 'public' (public addresses only; the default on the real internet), " +
                "'simulation' (loopback only; the default with a simulated network), or 'unrestricted' (any address, e.g. an intranet).",
        };
        option.AcceptOnlyFromAmong("public", "simulation", "unrestricted");
        return option;
    }

    public TimeSpan GetTimeout(ParseResult parseResult)
    {
        var seconds = parseResult.GetValue(Timeout);
        return seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new CommandFailedException(ExitCodes.UsageError, "--timeout must be between 0 and 3600 seconds");
    }

    /// <summary>The engine settings these options give: the profile and the collection budget.</summary>
    public EngineSettings Settings(ParseResult parseResult, DataDirectory data) =>
        new()
        {
            Network = Resolve(parseResult),
            SiteBudget = GetTimeout(parseResult),
            DataDirectory = data.Root,
            AddressPolicy = parseResult.GetValue(AddressPolicy) switch
            {
                "public" => AddressPolicyMode.PublicInternet,
                "simulation" => AddressPolicyMode.Simulation,
                "unrestricted" => AddressPolicyMode.Unrestricted,
                _ => null,
            },
        };

    /// <summary>
    /// The profile: the file's (if given), with individual options applied on top. Without <c>--asn-db</c> the engine
    /// uses the installed IP-to-ASN index.
    /// </summary>
    public NetworkProfile Resolve(ParseResult parseResult)
    {
        var profile = NetworkProfile.Internet with { AsnDatabase = null };
        if (parseResult.GetValue(Network) is { } file)
        {
            profile = ReadProfile(file);
        }

        if (parseResult.GetValue(Resolver) is { } resolver)
        {
            profile = profile with { Resolver = resolver };
        }

        if (parseResult.GetValue(RdapBootstrap) is { } bootstrap)
        {
            profile = profile with { RdapBootstrap = bootstrap };
        }

        if (parseResult.GetValue(TrustCa) is { } trust)
        {
            profile = profile with { RootCaPem = InputFile.ReadAllText(trust.FullName, InputFile.MiB, "a PEM certificate file") };
        }

        if (parseResult.GetValue(AsnDb) is { } asn)
        {
            profile = profile with { AsnDatabase = InputFile.RequireRegular(asn.FullName) };
        }

        return profile;
    }

    private static NetworkProfile ReadProfile(FileInfo file) => NetworkProfileFile.Read(file);
}
