using System.Diagnostics;
using System.Globalization;
using System.Text;
using Chokepoint.Engine.Data;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// <c>data update</c> replaces the installed IP-to-ASN index only with one that was built, checked and read back;
/// anything else, a cancellation included, leaves the old one byte for byte.
/// </summary>
public sealed class DataUpdateSafetyTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("chokepoint-update-");
    private readonly DataDirectory data;

    public DataUpdateSafetyTests()
    {
        data = new DataDirectory(Path.Combine(folder.FullName, "data"));
        var good = Write("good.csv", "1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\n8.8.8.0,8.8.8.255,15169,GOOGLE\n");
        DataUpdater.Update(data, [new FileInfo(good)], null, null);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void AssertOldIndexKept(byte[] before)
    {
        Assert.Equal(before, File.ReadAllBytes(data.AsnIndex));
        Assert.Equal([Path.GetFileName(data.AsnIndex)], Directory.GetFiles(data.IndexDirectory).Select(Path.GetFileName));
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "empty.csv", "" },
        { "header-only.csv", "start_ip,end_ip,asn,organization\n" },
        { "garbage.csv", "<html><body>502 Bad Gateway</body></html>\n" },
        { "psl.csv", "// public suffix list\ncom\norg\nco.uk\n" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_input_with_no_range_is_refused_and_the_old_index_kept(string name, string text)
    {
        var before = File.ReadAllBytes(data.AsnIndex);

        var error = Assert.Throws<EngineException>(() => DataUpdater.Update(data, [new FileInfo(Write(name, text))], null, null));

        Assert.True(error.IsUsageError);
        Assert.Contains("no IP-to-ASN range", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        AssertOldIndexKept(before);
    }

    [Fact]
    public void Random_bytes_are_refused_and_the_old_index_kept()
    {
        var before = File.ReadAllBytes(data.AsnIndex);
        var bytes = new byte[200_000];
        new Random(12).NextBytes(bytes);
        var path = Path.Combine(folder.FullName, "random.csv");
        File.WriteAllBytes(path, bytes);

        Assert.Throws<EngineException>(() => DataUpdater.Update(data, [new FileInfo(path)], null, null));
        Assert.Throws<EngineException>(() => DataUpdater.Update(data, [], new FileInfo(path), null));
        AssertOldIndexKept(before);
    }

    [Fact]
    public void An_input_that_is_mostly_malformed_is_refused()
    {
        var before = File.ReadAllBytes(data.AsnIndex);
        var text = new StringBuilder("1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\n");
        for (var i = 0; i < 50; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"1.0.{i}.0;1.0.{i}.255;13335;SEMICOLONS\n");
        }

        var error = Assert.Throws<EngineException>(() => DataUpdater.Update(data, [new FileInfo(Write("semicolons.csv", text.ToString()))], null, null));

        Assert.Contains("50 of 51 data lines are malformed", error.Message, StringComparison.Ordinal);
        AssertOldIndexKept(before);
    }

    [Fact]
    public void A_few_malformed_lines_in_a_large_input_are_skipped()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"10.{i / 256}.{i % 256}.0,10.{i / 256}.{i % 256}.255,{64500 + i},ORG{i}\n");
        }

        text.Insert(0, string.Concat(Enumerable.Repeat("broken\n", 12)));

        var lines = DataUpdater.Update(data, [new FileInfo(Write("large.csv", text.ToString()))], null, null);

        Assert.Contains(lines, line => line.Contains("indexed 2000 IPv4", StringComparison.Ordinal) && line.Contains("12 malformed lines skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_public_suffix_list_leaves_the_ip_to_asn_index_too()
    {
        var before = File.ReadAllBytes(data.AsnIndex);
        var newer = Write("newer.csv", "9.9.9.0,9.9.9.255,19281,QUAD9\n");

        Assert.Throws<EngineException>(() => DataUpdater.Update(data, [new FileInfo(newer)], null, new FileInfo(Write("psl.dat", "com\n"))));

        AssertOldIndexKept(before);
    }

    [Fact]
    public void Cancelling_stops_the_build_within_a_second_and_leaves_the_old_index()
    {
        var before = File.ReadAllBytes(data.AsnIndex);
        var path = Path.Combine(folder.FullName, "big.csv");
        using (var writer = new StreamWriter(path))
        {
            for (var i = 0; i < 400_000; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}.0,{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}.255,{i},ORGANISATION {i}\n"));
            }
        }

        using var cancellation = new CancellationTokenSource();
        var cancelledAt = Stopwatch.StartNew();
        using var timer = new Timer(_ =>
        {
            cancelledAt.Restart();
            cancellation.Cancel();
        }, null, 150, Timeout.Infinite);

        Assert.ThrowsAny<OperationCanceledException>(() => DataUpdater.Update(data, [new FileInfo(path)], null, null, cancellation.Token));
        var stoppedAfter = cancelledAt.Elapsed;

        Assert.True(stoppedAfter < TimeSpan.FromSeconds(1), $"stopped {stoppedAfter} after the cancellation");
        AssertOldIndexKept(before);
    }

    [Fact]
    public void A_corrupt_installed_index_is_named_with_what_to_run()
    {
        File.WriteAllText(data.PublicSuffixOverride, "com\norg\n");
        var bytes = File.ReadAllBytes(data.AsnIndex);
        File.WriteAllBytes(data.AsnIndex, bytes[..(bytes.Length - 3)]);

        var sets = EngineDataSets.Load(data);

        Assert.Null(sets.Asn);
        Assert.Equal($"{data.AsnIndex}: corrupt IP-to-ASN index: the header describes {bytes.Length} bytes but the file has {bytes.Length - 3}; run `chokepoint data update`", sets.AsnProblem);
    }

    [Fact]
    public void An_installed_index_without_the_magic_is_corrupt_not_an_empty_csv()
    {
        File.WriteAllText(data.PublicSuffixOverride, "com\norg\n");
        File.WriteAllText(data.AsnIndex, "1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\n");

        var sets = EngineDataSets.Load(data);

        Assert.Null(sets.Asn);
        Assert.StartsWith($"{data.AsnIndex}: corrupt IP-to-ASN index: ", sets.AsnProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_status_marks_a_truncated_index_as_not_installed_and_says_why()
    {
        Assert.True(DataSetInventory.Read(data).Single(s => s.Name == "ip-to-asn index").Installed);
        var bytes = File.ReadAllBytes(data.AsnIndex);
        File.WriteAllBytes(data.AsnIndex, bytes[..^1]);

        var status = DataSetInventory.Read(data).Single(s => s.Name == "ip-to-asn index");

        Assert.False(status.Installed);
        Assert.Equal($"corrupt IP-to-ASN index: the header describes {bytes.Length} bytes but the file has {bytes.Length - 1}; run `chokepoint data update`", status.Note);
    }
}
