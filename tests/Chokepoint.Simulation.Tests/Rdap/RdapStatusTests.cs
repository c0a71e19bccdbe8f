using Chokepoint.Simulation.Rdap;

namespace Chokepoint.Simulation.Tests.Rdap;

public sealed class RdapStatusTests
{
    [Theory]
    [InlineData("ok", "active")]
    [InlineData("clientHold", "client hold")]
    [InlineData("clientTransferProhibited", "client transfer prohibited")]
    [InlineData("serverDeleteProhibited", "server delete prohibited")]
    [InlineData("pendingDelete", "pending delete")]
    [InlineData("redemptionPeriod", "redemption period")]
    [InlineData("inactive", "inactive")]
    [InlineData("linked", "associated")]
    public void Epp_status_maps_to_the_rdap_status(string epp, string rdap) => Assert.Equal(rdap, RdapStatus.FromEpp(epp));
}
