using Chokepoint.Engine.Data;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// An installed tool carries its data sets beside its assembly, read-only: they are read wherever the data directory in
/// use has none, the directory's own files come first, and <c>data update</c> writes to the directory, never to them.
/// </summary>
public sealed class CarriedDataTests : IDisposable
{
    private const string Csv = "1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\n8.8.8.0,8.8.8.255,15169,GOOGLE\n";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("chokepoint-carried-");
    private readonly string carried;
    private readonly DataDirectory data;

    public CarriedDataTests()
    {
        // A carried copy as the package lays it out: the psl package's rules and manifest, the built index.
        carried = Path.Combine(folder.FullName, "tool", DataDirectory.CarriedFolderName);
        var installed = DataDirectory.Locate();
        var rules = Path.Combine(carried, "packages", "node_modules", "psl", "data", "rules.js");
        Directory.CreateDirectory(Path.GetDirectoryName(rules)!);
        File.Copy(installed.PublicSuffixRules, rules);
        File.Copy(Path.Combine(installed.PackagesDirectory, "psl", "package.json"), Path.Combine(carried, "packages", "node_modules", "psl", "package.json"));
        DataUpdater.Update(new DataDirectory(carried) { Carried = null }, [new FileInfo(Write("carried.csv", Csv))], null, null);
        data = new DataDirectory(Path.Combine(folder.FullName, "user", "chokepoint")) { Carried = carried };
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_carried_data_sets_are_read_where_the_data_directory_has_none()
    {
        Assert.False(Directory.Exists(data.Root));
        Assert.Equal(Path.Combine(carried, "index", "asn.idx"), data.AsnIndexInUse);
        Assert.StartsWith(carried, data.PublicSuffixRules, StringComparison.Ordinal);

        var loaded = EngineDataSets.Load(data);

        Assert.NotNull(loaded.Asn);
        Assert.Null(loaded.AsnProblem);
        Assert.True(loaded.Suffixes.RuleCount > 1000);
        Assert.Equal("1.15.0", loaded.Versions.Single(v => v.Name == "public-suffix-list").Version);
        var index = DataSetInventory.Read(data).Single(s => s.Name == "ip-to-asn index");
        Assert.True(index.Installed);
        Assert.Equal(data.AsnIndexInUse, index.Path);
    }

    [Fact]
    public void Data_update_writes_to_the_data_directory_and_leaves_the_carried_copy_alone()
    {
        var carriedIndex = Path.Combine(carried, "index", "asn.idx");
        var before = File.ReadAllBytes(carriedIndex);

        DataUpdater.Update(data, [new FileInfo(Write("newer.csv", Csv + "9.9.9.0,9.9.9.255,19281,QUAD9-AS-1\n"))], null, null);

        Assert.True(File.Exists(Path.Combine(data.Root, "index", "asn.idx")));
        Assert.Equal(data.AsnIndex, data.AsnIndexInUse);
        Assert.Equal(before, File.ReadAllBytes(carriedIndex));
        Assert.Equal(["asn.idx"], Directory.GetFiles(Path.GetDirectoryName(carriedIndex)!).Select(Path.GetFileName));
        Assert.Equal(3, EngineDataSets.Load(data).Asn!.Ipv4RangeCount);
    }

    [Fact]
    public void A_refreshed_public_suffix_list_in_the_data_directory_comes_before_the_carried_rules()
    {
        // More than half the carried list's rules: data update refuses a list that shrinks by half (a truncated download).
        var list = Write("public_suffix_list.dat", string.Concat(Enumerable.Range(0, 5000).Select(i => $"s{i}.example\n")) + "com\n");

        DataUpdater.Update(data, [new FileInfo(Write("refresh.csv", Csv))], null, new FileInfo(list));

        Assert.Equal(data.PublicSuffixOverride, data.PublicSuffixOverrideInUse);
        var loaded = EngineDataSets.Load(data);
        Assert.Equal("refreshed file", loaded.Versions.Single(v => v.Name == "public-suffix-list").Version);
        Assert.Equal(5001, loaded.Suffixes.RuleCount);
    }

    [Fact]
    public void Without_a_carried_copy_nothing_is_read_from_elsewhere()
    {
        var alone = data with { Carried = null };

        Assert.Equal(alone.AsnIndex, alone.AsnIndexInUse);
        Assert.StartsWith(alone.Root, alone.PublicSuffixRules, StringComparison.Ordinal);
        Assert.Throws<EngineException>(() => EngineDataSets.Load(alone));
    }

    [Fact]
    public void A_build_in_the_source_tree_carries_no_data()
    {
        // The test assembly runs from a build output, which the package's carried data/ is never copied into.
        Assert.Null(new DataDirectory(folder.FullName).Carried);
    }

    [Fact]
    public void The_user_directory_is_named_before_its_parent_folder_exists()
    {
        // Regression: the local application data folder was asked for with verification, which names nothing on
        // Linux until ~/.local/share exists, and an installed tool then wrote its updates to ./chokepoint of the current folder.
        var previous = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var missing = Path.Combine(folder.FullName, "not-yet", "share");
        try
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", missing);

            Assert.Equal(Path.Combine(missing, "chokepoint"), DataDirectory.UserDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", previous);
        }
    }
}
