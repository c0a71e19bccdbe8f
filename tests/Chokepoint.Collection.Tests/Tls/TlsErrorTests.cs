using System.Net.Security;
using Chokepoint.Collection.Tls;

namespace Chokepoint.Collection.Tests.Tls;

public sealed class TlsErrorTests
{
    [Fact]
    public void No_errors_give_an_empty_list() =>
        Assert.Empty(TlsCollector.DescribeErrors(SslPolicyErrors.None, null));

    [Fact]
    public void Name_mismatch_is_described() =>
        Assert.Equal(["certificate does not match host name"], TlsCollector.DescribeErrors(SslPolicyErrors.RemoteCertificateNameMismatch, null));

    [Fact]
    public void Chain_error_without_a_chain_is_still_reported() =>
        Assert.Equal(["chain error"], TlsCollector.DescribeErrors(SslPolicyErrors.RemoteCertificateChainErrors, null));
}
