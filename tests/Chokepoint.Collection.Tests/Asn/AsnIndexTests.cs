using System.Net;
using Chokepoint.Collection.Asn;

namespace Chokepoint.Collection.Tests.Asn;

public sealed class AsnIndexTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("chokepoint-asn-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Ipv4Csv = """"
        start_ip,end_ip,asn,organization
        1.0.0.0,1.0.0.255,13335,CLOUDFLARENET
        3.0.0.0,3.255.255.255,16509,"AMAZON-02, US"
        3.5.0.0,3.5.0.255,14618,AMAZON-AES
        10.0.0.0,10.0.0.255,64500,FIRST
        10.0.0.0,10.0.0.255,64501,SECOND
        8.8.8.0,8.8.8.255,15169,"Google ""LLC"""
        not-an-ip,1.2.3.4,1,BROKEN
        9.9.9.9,9.9.9.0,19281,REVERSED
        9.9.9.0,9.9.9.255,notanumber,QUAD9
        9.9.9.0,9.9.9.255
        """";

    private const string Ipv6Csv = """
        2606:4700::,2606:4700:ffff:ffff:ffff:ffff:ffff:ffff,13335,CLOUDFLARENET
        2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,15169,GOOGLE
        """;

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [Fact]
    public void Index_round_trips_and_looks_up_ipv4_and_ipv6()
    {
        var v4 = Write("asn-ipv4.csv", Ipv4Csv);
        var v6 = Write("asn-ipv6.csv", Ipv6Csv);
        var index = Path.Combine(directory, "asn.idx");

        var result = AsnIndexBuilder.Build([v4, v6], index);
        var database = AsnDatabase.Open(index);

        Assert.Equal(12, result.LinesRead);
        Assert.Equal(4, result.MalformedLines);
        Assert.Equal(4, result.MalformedSamples.Count);
        Assert.Contains(result.MalformedSamples, s => s.StartsWith("asn-ipv4.csv:8:", StringComparison.Ordinal));
        Assert.Equal(2, result.Ipv6Ranges);
        Assert.Equal(new AsnMatch(13335, "CLOUDFLARENET"), database.Lookup(Ip("1.0.0.1")));
        Assert.Equal(new AsnMatch(13335, "CLOUDFLARENET"), database.Lookup(Ip("2606:4700::1111")));
        Assert.Equal(new AsnMatch(15169, "GOOGLE"), database.Lookup(Ip("2a00:1450:4007:80e::200e")));
        Assert.Equal(new AsnMatch(15169, "Google \"LLC\""), database.Lookup(Ip("8.8.8.8")));
        Assert.Equal("asn-db asn.idx", database.Source);
    }

    [Fact]
    public void Quoted_organisation_keeps_its_comma()
    {
        var database = AsnDatabase.FromCsvText(Ipv4Csv, "test");

        Assert.Equal(new AsnMatch(16509, "AMAZON-02, US"), database.Lookup(Ip("3.4.5.6")));
    }

    [Fact]
    public void Gaps_between_ranges_have_no_match()
    {
        var database = AsnDatabase.FromCsvText(Ipv4Csv, "test");

        Assert.Null(database.Lookup(Ip("0.255.255.255")));
        Assert.Null(database.Lookup(Ip("1.0.1.0")));
        Assert.Null(database.Lookup(Ip("255.255.255.255")));
        Assert.Null(database.Lookup(Ip("2001:db8::1")));
        Assert.Null(database.Lookup(Ip("9.9.9.9")));
    }

    [Fact]
    public void Nested_range_wins_inside_and_the_outer_range_resumes_after_it()
    {
        var database = AsnDatabase.FromCsvText(Ipv4Csv, "test");

        Assert.Equal(16509, database.Lookup(Ip("3.4.255.255"))!.Value.Asn);
        Assert.Equal(14618, database.Lookup(Ip("3.5.0.0"))!.Value.Asn);
        Assert.Equal(14618, database.Lookup(Ip("3.5.0.255"))!.Value.Asn);
        Assert.Equal(16509, database.Lookup(Ip("3.5.1.0"))!.Value.Asn);
        Assert.Equal(16509, database.Lookup(Ip("3.255.255.255"))!.Value.Asn);
    }

    [Fact]
    public void Identical_ranges_resolve_to_the_last_line_whatever_the_order_of_files()
    {
        var database = AsnDatabase.FromCsvText(Ipv4Csv, "test");

        Assert.Equal(64501, database.Lookup(Ip("10.0.0.7"))!.Value.Asn);
    }

    [Fact]
    public void Partial_overlap_gives_the_later_start_the_overlap()
    {
        const string csv = """
            20.0.0.0,20.0.0.99,100,A
            20.0.0.50,20.0.0.199,200,B
            """;
        var database = AsnDatabase.FromCsvText(csv, "test");

        Assert.Equal(100, database.Lookup(Ip("20.0.0.49"))!.Value.Asn);
        Assert.Equal(200, database.Lookup(Ip("20.0.0.50"))!.Value.Asn);
        Assert.Equal(200, database.Lookup(Ip("20.0.0.150"))!.Value.Asn);
        Assert.Null(database.Lookup(Ip("20.0.0.200")));
    }

    [Fact]
    public void Ipv4_mapped_ipv6_address_is_looked_up_as_ipv4()
    {
        var database = AsnDatabase.FromCsvText(Ipv4Csv, "test");

        Assert.Equal(13335, database.Lookup(Ip("::ffff:1.0.0.9"))!.Value.Asn);
    }

    [Fact]
    public void Csv_file_opened_directly_is_read_as_csv()
    {
        var v4 = Write("plain.csv", Ipv4Csv);

        var database = AsnDatabase.Open(v4);

        Assert.Null(database.Lookup(Ip("8.8.4.4")));
        Assert.Equal(15169, database.Lookup(Ip("8.8.8.1"))!.Value.Asn);
    }

    [Fact]
    public void Adjacent_ranges_of_the_same_network_are_merged()
    {
        const string csv = """
            30.0.0.0,30.0.0.255,300,C
            30.0.1.0,30.0.1.255,300,C
            30.0.2.0,30.0.2.255,301,D
            """;
        var (v4, _, _) = AsnIndexBuilder.Read(csv.Split('\n').Select(l => ("x.csv", l)));

        Assert.Equal(2, v4.Count);
    }

    [Fact]
    public void Last_ipv6_address_is_covered()
    {
        var database = AsnDatabase.FromCsvText("ff00::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,65000,TOP", "test");

        Assert.Equal(65000, database.Lookup(Ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))!.Value.Asn);
        Assert.Null(database.Lookup(Ip("fe00::1")));
    }
}
