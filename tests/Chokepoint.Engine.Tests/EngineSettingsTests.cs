using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chokepoint.Engine.Tests;

/// <summary>A bad setting fails when the engine is built, with the setting named, never mid-audit.</summary>
public sealed class EngineSettingsTests
{
    public static TheoryData<string, EngineSettings> BadSettings => new()
    {
        { "network.resolver", new EngineSettings { Network = new() { Resolver = "foo:53" } } },
        { "network.resolver", new EngineSettings { Network = new() { Resolver = "127.0.0.1:99999" } } },
        { "network.resolver", new EngineSettings { Network = new() { Resolver = "" } } },
        { "network.resolver", new EngineSettings { Network = new() { Resolver = "dns.example:53" } } },
        { "network.dnsPort", new EngineSettings { Network = new() { DnsPort = 0 } } },
        { "network.httpsPort", new EngineSettings { Network = new() { HttpsPort = 70000 } } },
        { "network.rdapBootstrap", new EngineSettings { Network = new() { RdapBootstrap = "not a url" } } },
        { "network.rdapBootstrap", new EngineSettings { Network = new() { RdapBootstrap = "" } } },
        { "network.rdapBootstrap", new EngineSettings { Network = new() { RdapBootstrap = "file:///etc/passwd" } } },
        { "network.rootCaPem", new EngineSettings { Network = new() { RootCaPem = "hello" } } },
        { "network.rootCaPem", new EngineSettings { Network = new() { RootCaPem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" } } },
        { "network.asnDb", new EngineSettings { Network = new() { AsnDatabase = "/nonexistent/asn.csv" } } },
        { "siteBudget", new EngineSettings { SiteBudget = TimeSpan.Zero } },
        { "dnsQueryTimeout", new EngineSettings { DnsQueryTimeout = TimeSpan.FromSeconds(-1) } },
        { "maxConcurrentAudits", new EngineSettings { MaxConcurrentAudits = 0 } },
        { "maxProbedHosts", new EngineSettings { MaxProbedHosts = -1 } },
        { "maxProbedHosts", new EngineSettings { MaxProbedHosts = 101 } },
        { "dnsCacheSize", new EngineSettings { DnsCacheSize = -1 } },
        { "rdapServerLimits", new EngineSettings { RdapServerLimits = null! } },
        { "dnsServerLimits", new EngineSettings { DnsServerLimits = new(MaxConcurrent: 0, MaxPerSecond: 0) } },
        { "rdapBootstrapMaxAge", new EngineSettings { RdapBootstrapMaxAge = TimeSpan.Zero } },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_fails_engine_creation_naming_the_setting(string setting, EngineSettings settings)
    {
        var failure = Assert.Throws<EngineException>(() => ChokepointEngine.Create(settings));

        Assert.True(failure.IsUsageError);
        Assert.StartsWith(setting + ":", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var errors = EngineSettingsValidator.Check(new EngineSettings { SiteBudget = TimeSpan.Zero, Network = new() { Resolver = "x", HttpPort = -1 } });

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task A_bad_budget_for_one_audit_is_a_usage_error_not_a_crash()
    {
        using var engine = ChokepointEngine.Create(new EngineSettings());

        var failure = await Assert.ThrowsAsync<EngineException>(() => engine.AuditAsync("example.org", new AuditRequest { Budget = TimeSpan.Zero }));

        Assert.True(failure.IsUsageError);
    }

    /// <summary>Regression: a public suffix was accepted as a site and audited as if someone had registered it.</summary>
    [Theory]
    [InlineData("co.uk")]
    [InlineData("com")]
    [InlineData("github.io")]
    public async Task A_public_suffix_is_refused_as_a_site_before_any_network_work(string name)
    {
        using var engine = ChokepointEngine.Create(new EngineSettings());

        var failure = await Assert.ThrowsAsync<EngineException>(() => engine.AuditAsync(name));

        Assert.True(failure.IsUsageError);
        Assert.Contains("public suffix", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_settings_are_valid() => Assert.Empty(EngineSettingsValidator.Check(new EngineSettings()));

    [Fact]
    public void Dependency_injection_validates_the_settings_at_start()
    {
        var services = new ServiceCollection().AddChokepoint(settings => settings.Network = new() { Resolver = "foo:53" });
        using var provider = services.BuildServiceProvider();

        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("network.resolver", startup.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ChokepointEngine>());
    }

    [Fact]
    public void Dependency_injection_gives_one_engine_for_the_whole_host()
    {
        var services = new ServiceCollection().AddChokepoint(settings => settings.MaxConcurrentAudits = 4);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var engine = provider.GetRequiredService<ChokepointEngine>();
        Assert.Same(engine, provider.GetRequiredService<ChokepointEngine>());
        Assert.Equal(4, engine.Settings.MaxConcurrentAudits);
    }
}
