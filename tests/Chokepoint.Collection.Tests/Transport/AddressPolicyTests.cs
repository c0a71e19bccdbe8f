using System.Net;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Tests.Transport;

public sealed class AddressPolicyTests
{
    /// <summary>One IPv4 address from every refused range, with what the refusal must say.</summary>
    public static TheoryData<string, string> RefusedIpv4 => new()
    {
        { "127.0.0.1", "loopback" },
        { "127.255.255.254", "loopback" },
        { "10.0.0.1", "private (RFC 1918)" },
        { "172.16.0.1", "private (RFC 1918)" },
        { "172.31.255.255", "private (RFC 1918)" },
        { "192.168.1.1", "private (RFC 1918)" },
        { "100.64.0.1", "CGNAT" },
        { "100.127.255.254", "CGNAT" },
        { "169.254.0.1", "link-local" },
        { "169.254.169.254", "cloud metadata" },
        { "224.0.0.1", "multicast" },
        { "239.255.255.250", "multicast" },
        { "0.0.0.0", "unspecified" },
        { "0.1.2.3", "this network" },
        { "255.255.255.255", "broadcast" },
        { "240.0.0.1", "reserved" },
        { "192.0.0.8", "IETF protocol assignments" },
        { "192.0.2.1", "TEST-NET-1" },
        { "198.51.100.7", "TEST-NET-2" },
        { "203.0.113.9", "TEST-NET-3" },
        { "198.18.0.1", "benchmarking" },
        { "198.19.255.254", "benchmarking" },
    };

    public static TheoryData<string> PublicAddresses => new()
    {
        "1.1.1.1", "8.8.8.8", "172.15.255.255", "172.32.0.1", "198.17.255.255", "198.20.0.1", "192.0.3.1", "100.63.255.255", "100.128.0.1", "169.253.0.1", "223.255.255.255",
        "2606:4700::1111", "2001:4860:4860::8888", "::ffff:1.1.1.1", "64:ff9b::101:101", "2002:101:101::1",
    };

    public static TheoryData<string, string> RefusedIpv6 => new()
    {
        { "::1", "loopback" },
        { "::", "unspecified" },
        { "fe80::1", "link-local" },
        { "febf:ffff::1", "link-local" },
        { "fc00::1", "unique-local" },
        { "fd12:3456::1", "unique-local" },
        { "ff02::1", "multicast" },
        { "ff05::1:3", "multicast" },
        { "64:ff9b:1::a00:1", "local-use NAT64" },
        { "2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo" },
        { "2001:db8::1", "documentation" },
        { "100::1", "discard-only" },
    };

    [Theory]
    [MemberData(nameof(RefusedIpv4))]
    public void Public_internet_refuses_the_range_in_every_form(string ipv4, string what)
    {
        var address = IPAddress.Parse(ipv4);
        var bytes = address.GetAddressBytes();
        var hex = $"{bytes[0]:x2}{bytes[1]:x2}:{bytes[2]:x2}{bytes[3]:x2}";
        string[] forms = [ipv4, $"::ffff:{ipv4}", $"64:ff9b::{hex}", $"2002:{hex}::1"];
        if (ipv4 is not ("0.0.0.0" or "0.1.2.3"))
        {
            // ::0.0.0.0 is "::" itself and ::0.1.2.3 is still IPv4-compatible; the rest are checked as such too.
            forms = [.. forms, $"::{ipv4}"];
        }

        foreach (var form in forms)
        {
            var refusal = AddressPolicy.PublicInternet.Refusal(IPAddress.Parse(form));
            Assert.True(refusal is not null, $"{form} should be refused");
            Assert.Contains(what, refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RefusedIpv6))]
    public void Public_internet_refuses_the_ipv6_range(string ipv6, string what)
    {
        var reason = AddressPolicy.PublicInternet.RefusalReason(IPAddress.Parse(ipv6));

        Assert.NotNull(reason);
        Assert.StartsWith($"refused by the address policy: {IPAddress.Parse(ipv6)} is ", reason, StringComparison.Ordinal);
        Assert.Contains(what, reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PublicAddresses))]
    public void Public_internet_allows_public_addresses(string text)
    {
        Assert.Null(AddressPolicy.PublicInternet.Refusal(IPAddress.Parse(text)));
        Assert.NotNull(AddressPolicy.Simulation.Refusal(IPAddress.Parse(text)));
        Assert.True(AddressPolicy.Unrestricted.Allows(IPAddress.Parse(text)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Simulation_allows_loopback(string text) =>
        Assert.True(AddressPolicy.Simulation.Allows(IPAddress.Parse(text)));

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("1.1.1.1")]
    public void Simulation_refuses_everything_else(string text) =>
        Assert.Equal("not loopback (the simulation allows loopback only)", AddressPolicy.Simulation.Refusal(IPAddress.Parse(text)));

    [Fact]
    public void Private_refusal_reads_as_documented() =>
        Assert.Equal(
            "refused by the address policy: 10.0.0.1 is private (RFC 1918)",
            AddressPolicy.PublicInternet.RefusalReason(IPAddress.Parse("10.0.0.1")));

    [Fact]
    public void Exceptions_are_allowed_and_nothing_beside_them()
    {
        var policy = new AddressPolicy(AddressPolicyMode.PublicInternet, [IPAddress.Parse("127.0.0.2")]);

        Assert.True(policy.Allows(IPAddress.Parse("127.0.0.2")));
        Assert.True(policy.Allows(IPAddress.Parse("::ffff:127.0.0.2")));
        Assert.False(policy.Allows(IPAddress.Parse("127.0.0.3")));
    }

    [Fact]
    public void Default_mode_is_public_for_the_internet_and_simulation_for_a_loopback_profile()
    {
        var simulated = new NetworkProfile { Name = "demo", Resolver = "127.0.0.1:5353", RdapBootstrap = "http://127.0.0.1:8080/bootstrap/dns.json" };

        Assert.Equal(AddressPolicyMode.PublicInternet, AddressPolicy.DefaultMode(NetworkProfile.Internet));
        Assert.Equal(AddressPolicyMode.Simulation, AddressPolicy.DefaultMode(simulated));
        Assert.Equal(AddressPolicyMode.PublicInternet, AddressPolicy.DefaultMode(simulated with { Name = "internet" }));
        Assert.Equal(AddressPolicyMode.PublicInternet, AddressPolicy.DefaultMode(simulated with { Resolver = "10.0.0.53" }));
        Assert.Equal(AddressPolicyMode.PublicInternet, AddressPolicy.DefaultMode(simulated with { RdapBootstrap = null }));
    }
}
