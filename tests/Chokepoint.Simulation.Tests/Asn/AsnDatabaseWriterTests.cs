using System.Net.Sockets;
using Chokepoint.Simulation.Asn;
using Chokepoint.Simulation.Tests.Web;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.Asn;

public sealed class AsnDatabaseWriterTests
{
    [Fact]
    public void Ipv4_ranges_are_sorted_split_around_more_specific_prefixes_and_quoted()
    {
        var csv = AsnDatabaseWriter.Format(TestWorld.Create().AddressSpace, AddressFamily.InterNetwork);

        Assert.Equal(
            "127.10.0.0,127.10.255.255,64500,SHOP-HOSTING\n" +
            "127.20.0.0,127.20.4.255,64501,\"Edge Cloud, Inc.\"\n" +
            "127.20.5.0,127.20.5.255,64502,\"EDGE \"\"SPECIAL\"\"\"\n" +
            "127.20.6.0,127.20.255.255,64501,\"Edge Cloud, Inc.\"\n",
            csv);
    }

    [Fact]
    public void Ipv6_ranges_go_to_their_own_file_format()
    {
        var csv = AsnDatabaseWriter.Format(TestWorld.Create().AddressSpace, AddressFamily.InterNetworkV6);

        Assert.Equal("::1,::1,64503,LOOPBACK6\n", csv);
    }

    [Fact]
    public void Adjacent_and_unparsable_prefixes_are_handled()
    {
        AddressPrefix[] prefixes =
        [
            new() { Prefix = "127.0.1.0/24", Asn = 2, Organization = "B" },
            new() { Prefix = "127.0.0.0/24", Asn = 1, Organization = "A" },
            new() { Prefix = "not-a-prefix", Asn = 3, Organization = "C" },
            new() { Prefix = "127.0.0.7", Asn = 4, Organization = "HOST" },
        ];

        var csv = AsnDatabaseWriter.Format(prefixes, AddressFamily.InterNetwork);

        Assert.Equal(
            "127.0.0.0,127.0.0.6,1,A\n127.0.0.7,127.0.0.7,4,HOST\n127.0.0.8,127.0.0.255,1,A\n127.0.1.0,127.0.1.255,2,B\n",
            csv);
    }

    [Fact]
    public async Task WriteAsync_writes_both_files_into_the_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chokepoint-asn-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = await AsnDatabaseWriter.WriteAsync(TestWorld.Create(), directory, CancellationToken.None);

            Assert.Equal(Path.Combine(directory, "asn-ipv4.csv"), files.IPv4Path);
            Assert.StartsWith("127.10.0.0,127.10.255.255,64500,SHOP-HOSTING\n", await File.ReadAllTextAsync(files.IPv4Path), StringComparison.Ordinal);
            Assert.Equal("::1,::1,64503,LOOPBACK6\n", await File.ReadAllTextAsync(files.IPv6Path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
