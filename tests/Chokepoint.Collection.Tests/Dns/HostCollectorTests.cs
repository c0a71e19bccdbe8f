using System.Net;
using Chokepoint.Collection.Dns;
using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Tests.Dns;

public sealed class HostCollectorTests
{
    private static ResourceRecordInfo Info(string name, ResourceRecordType type) =>
        new(DnsString.Parse(name), type, QueryClass.IN, 300, 0);

    private static CNameRecord Cname(string from, string to) =>
        new(Info(from, ResourceRecordType.CNAME), DnsString.Parse(to));

    [Fact]
    public void Cname_chain_is_followed_in_order_whatever_the_record_order()
    {
        DnsResourceRecord[] records =
        [
            new ARecord(Info("edge.cdn.example.", ResourceRecordType.A), IPAddress.Parse("127.1.2.3")),
            Cname("shop.example.net.", "edge.cdn.example."),
            Cname("WWW.Example.com.", "shop.example.net."),
        ];

        Assert.Equal(["shop.example.net", "edge.cdn.example"], HostCollector.CnameChain("www.example.com", records));
    }

    [Fact]
    public void Cname_loop_stops()
    {
        DnsResourceRecord[] records = [Cname("a.example.", "b.example."), Cname("b.example.", "a.example.")];

        Assert.Equal(["b.example"], HostCollector.CnameChain("a.example", records));
    }

    [Fact]
    public void No_cname_gives_an_empty_chain() =>
        Assert.Empty(HostCollector.CnameChain("example.com", []));
}
