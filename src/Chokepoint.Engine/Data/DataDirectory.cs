namespace Chokepoint.Engine.Data;

/// <summary>
/// Where Chokepoint's data sets live: <c>$CHOKEPOINT_DATA</c> if set, else the <c>data/</c> folder of the source tree
/// the tool runs from (found by walking up from the executable to <c>data/packages/package.json</c>), else the user's
/// <c>chokepoint</c> folder under the local application data (<c>~/.local/share/chokepoint</c> on Linux). The
/// directory chosen is the one <c>chokepoint data update</c> writes to. A data set it does not hold is read from the
/// copy the installed tool carries beside its assembly (<see cref="Carried"/>), which is never written to.
/// </summary>
/// <param name="Root">The data folder.</param>
public sealed record DataDirectory(string Root)
{
    /// <summary>The name of the folder, beside the tool's assembly, that holds the data sets the tool package carries.</summary>
    public const string CarriedFolderName = "data";

    /// <summary>
    /// The data sets carried with the tool (<c>dotnet pack</c> puts them in <c>data/</c> beside <c>chokepoint.dll</c>),
    /// read where <see cref="Root"/> has none; null when the tool carries none (a build in the source tree).
    /// </summary>
    public string? Carried { get; init; } = CarriedBesideAssembly();

    /// <summary>The npm packages folder (pinned data sets installed by <c>npm ci</c>): this directory's, else the carried one.</summary>
    public string PackagesDirectory
    {
        get
        {
            var own = Packages(Root);
            return !Directory.Exists(own) && Carried is { } carried && Directory.Exists(Packages(carried)) ? Packages(carried) : own;
        }
    }

    /// <summary>The IP-to-ASN CSV files of the package @ip-location-db/asn.</summary>
    public IReadOnlyList<string> AsnCsvFiles =>
    [
        Path.Combine(PackagesDirectory, "@ip-location-db", "asn", "asn-ipv4.csv"),
        Path.Combine(PackagesDirectory, "@ip-location-db", "asn", "asn-ipv6.csv"),
    ];

    /// <summary>The Public Suffix List rules of the package psl.</summary>
    public string PublicSuffixRules => Path.Combine(PackagesDirectory, "psl", "data", "rules.js");

    /// <summary>Folder of indexes built from the packages by <c>chokepoint data update</c> (in <see cref="Root"/>, where updates write).</summary>
    public string IndexDirectory => Path.Combine(Root, "index");

    /// <summary>The compact IP-to-ASN index of this directory, where <c>chokepoint data update</c> writes it.</summary>
    public string AsnIndex => Path.Combine(IndexDirectory, AsnIndexName);

    /// <summary>A Public Suffix List in .dat format installed by <c>data update --psl FILE</c> in this directory; preferred over the package's.</summary>
    public string PublicSuffixOverride => Path.Combine(IndexDirectory, PublicSuffixOverrideName);

    /// <summary>The IP-to-ASN index read: this directory's (<see cref="AsnIndex"/>) if it has one, else the carried one's.</summary>
    public string AsnIndexInUse => InUse(AsnIndex, Path.Combine("index", AsnIndexName));

    /// <summary>The refreshed Public Suffix List read: this directory's (<see cref="PublicSuffixOverride"/>) if it has one, else the carried one's.</summary>
    public string PublicSuffixOverrideInUse => InUse(PublicSuffixOverride, Path.Combine("index", PublicSuffixOverrideName));

    private const string AsnIndexName = "asn.idx";

    private const string PublicSuffixOverrideName = "public_suffix_list.dat";

    /// <summary>Finds the data directory for this process.</summary>
    public static DataDirectory Locate()
    {
        var configured = Environment.GetEnvironmentVariable("CHOKEPOINT_DATA");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DataDirectory(Path.GetFullPath(configured));
        }

        // The carried copy has no data/packages/package.json, so this finds a source tree only.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "packages", "package.json")))
            {
                return new DataDirectory(candidate);
            }
        }

        return new DataDirectory(UserDirectory());
    }

    /// <summary>
    /// The user-writable folder an installed tool's <c>data update</c> writes to: <c>chokepoint</c> under the local
    /// application data folder (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on
    /// Windows), named even before it exists (the first update creates it); under the temporary folder when the
    /// system names none.
    /// </summary>
    public static string UserDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, "chokepoint");
    }

    private static string Packages(string root) => Path.Combine(root, "packages", "node_modules");

    private string InUse(string own, string relative) =>
        !File.Exists(own) && Carried is { } carried && File.Exists(Path.Combine(carried, relative)) ? Path.Combine(carried, relative) : own;

    private static string? CarriedBesideAssembly()
    {
        // The package always puts the NOTICE crediting the data sets there: a folder named data without it is not the carried copy.
        var carried = Path.Combine(AppContext.BaseDirectory, CarriedFolderName);
        return File.Exists(Path.Combine(carried, "NOTICE")) ? Path.GetFullPath(carried) : null;
    }
}
