using Chokepoint.Collection.Dns;

namespace Chokepoint.Collection.Tests.Dns;

public sealed class MailRecordParserTests
{
    [Theory]
    [InlineData("v=spf1 include:_spf.google.com ~all", true)]
    [InlineData("V=SPF1 -all", true)]
    [InlineData("v=spf1", true)]
    [InlineData("v=spf10 include:x", false)]
    [InlineData("google-site-verification=abc", false)]
    public void Spf_is_recognised(string text, bool expected) => Assert.Equal(expected, SpfRecord.IsSpf(text));

    [Fact]
    public void Spf_includes_and_redirect_are_listed_once_in_order()
    {
        var includes = SpfRecord.Includes("v=spf1 ip4:1.2.3.4 include:_spf.google.com +include:Spf.Protection.Outlook.com. ~include:_spf.google.com a mx redirect=_spf.example.net -all");

        Assert.Equal(["_spf.google.com", "spf.protection.outlook.com", "_spf.example.net"], includes);
    }

    [Fact]
    public void Dmarc_receivers_are_the_mailto_hosts_of_rua_and_ruf()
    {
        var receivers = DmarcRecord.ReportReceivers(
            "v=DMARC1; p=reject; rua=mailto:dmarc@Example.com,mailto:re+abc@dmarc.postmarkapp.com!10m; ruf=mailto:forensic@ag.dmarcian.com, https://not-mail.example; pct=100");

        Assert.Equal(["example.com", "dmarc.postmarkapp.com", "ag.dmarcian.com"], receivers);
    }

    [Theory]
    [InlineData("v=DMARC1; p=none", true)]
    [InlineData("v=spf1 -all", false)]
    public void Dmarc_is_recognised(string text, bool expected) => Assert.Equal(expected, DmarcRecord.IsDmarc(text));
}
