using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Chokepoint.Analysis.History;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Collection.Asn;
using Chokepoint.Model;
using Chokepoint.Naming;

namespace Chokepoint.Engine.Data;

/// <summary>
/// The data sets an engine uses, loaded once and shared by every audit it runs: the provider catalog, the Public
/// Suffix List, the IP-to-ASN table (in its compact binary form) and the termination history, each with the
/// version, date and content hash that every report names.
/// </summary>
public sealed class EngineDataSets
{
    private const string AsnName = "ip-to-asn";

    /// <summary>Data sets loaded from their parts; <see cref="Load"/> is the usual way.</summary>
    public EngineDataSets(
        ProviderCatalog catalog,
        PublicSuffixList suffixes,
        AsnDatabase? asn,
        TerminationHistory history,
        IReadOnlyList<DataSetVersion> versions,
        string? asnProblem = null,
        string? asnWarning = null)
    {
        AsnWarning = asnWarning;
        Catalog = catalog;
        Suffixes = suffixes;
        Asn = asn;
        History = history;
        Versions = versions;
        AsnProblem = asnProblem;
    }

    /// <summary>The provider catalog.</summary>
    public ProviderCatalog Catalog { get; }

    /// <summary>The Public Suffix List.</summary>
    public PublicSuffixList Suffixes { get; }

    /// <summary>The IP-to-ASN table; null when none could be loaded (then <see cref="AsnProblem"/> says why).</summary>
    public AsnDatabase? Asn { get; }

    /// <summary>Why no IP-to-ASN table is loaded, or null.</summary>
    public string? AsnProblem { get; }

    /// <summary>
    /// One line to show before the work starts, or null: the IP-to-ASN file given loaded, but some of its lines could
    /// not be read and were skipped.
    /// </summary>
    public string? AsnWarning { get; }

    /// <summary>The termination history.</summary>
    public TerminationHistory History { get; }

    /// <summary>The version of each data set, as reports name them.</summary>
    public IReadOnlyList<DataSetVersion> Versions { get; }

    /// <summary>The data sets analysis uses (catalog, suffixes, history): named in every report this engine builds.</summary>
    public IEnumerable<DataSetVersion> AnalysisVersions => Versions.Where(version => version.Name != AsnName);

    /// <summary>The data sets collection uses (the IP-to-ASN table), recorded in the observations it collects.</summary>
    public IEnumerable<Observations.CollectionDataSet> CollectionVersions =>
        Versions.Where(version => version.Name == AsnName && Asn is not null).Select(version => new Observations.CollectionDataSet(version.Name, version.Version, version.Date));

    /// <summary>
    /// Loads every data set from <paramref name="data"/>. The IP-to-ASN table is <paramref name="asnPath"/> when
    /// given (a binary index or a CSV file), else the installed index; a missing table is not fatal (addresses are
    /// then reported without their network), a missing Public Suffix List is.
    /// </summary>
    /// <param name="data">Where the data sets are installed.</param>
    /// <param name="asnPath">An IP-to-ASN file to use in place of the installed index.</param>
    /// <param name="readFile">How a data file's bytes are read (the file system when null): the seam that shows each is read once.</param>
    /// <exception cref="EngineException">A required data set is missing or unreadable.</exception>
    public static EngineDataSets Load(DataDirectory data, string? asnPath = null, Func<string, byte[]>? readFile = null)
    {
        readFile ??= File.ReadAllBytes;
        ArgumentNullException.ThrowIfNull(data);
        var catalogHash = EmbeddedHash(typeof(ProviderCatalog).Assembly, "Catalog.");
        var historyHash = EmbeddedHash(typeof(TerminationHistory).Assembly, "History.");
        ProviderCatalog catalog;
        try
        {
            catalog = ProviderCatalog.LoadEmbedded();
        }
        catch (CatalogLoadException exception)
        {
            throw new EngineException($"the provider catalog is invalid: {exception.Message}", exception);
        }

        var history = TerminationHistory.LoadEmbedded();
        var (suffixes, pslVersion) = LoadSuffixes(data);
        var (asn, asnVersion, asnProblem) = LoadAsn(data, asnPath, readFile);
        var asnWarning = asnPath is not null && asn is { SkippedLines: > 0 }
            ? string.Create(CultureInfo.InvariantCulture,
                $"warning: {asnPath}: {asn.SkippedLines} of {asn.LinesRead} lines skipped, not start_ip,end_ip,asn,organisation (first: {asn.FirstSkipped}); {asn.Ipv4RangeCount + asn.Ipv6RangeCount} ranges loaded")
            : null;
        var newestCase = history.Cases.Count == 0 ? null : history.Cases.Max(c => c.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new EngineDataSets(
            catalog,
            suffixes,
            asn,
            history,
            [
                new DataSetVersion("provider-catalog", "built in", ProviderCatalog.Edition, catalogHash),
                pslVersion,
                asnVersion,
                new DataSetVersion("termination-history", "built in", newestCase, historyHash),
            ],
            asnProblem,
            asnWarning);
    }

    private static (PublicSuffixList List, DataSetVersion Version) LoadSuffixes(DataDirectory data)
    {
        try
        {
            if (File.Exists(data.PublicSuffixOverrideInUse))
            {
                using var reader = File.OpenText(data.PublicSuffixOverrideInUse);
                var list = PublicSuffixList.Parse(reader);
                return (list, new DataSetVersion("public-suffix-list", "refreshed file",
                    File.GetLastWriteTimeUtc(data.PublicSuffixOverrideInUse).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FileHash(data.PublicSuffixOverrideInUse)));
            }

            if (File.Exists(data.PublicSuffixRules))
            {
                var list = PublicSuffixList.ParseRulesArray(File.ReadAllText(data.PublicSuffixRules));
                var version = DataSetInventory.Read(data).FirstOrDefault(s => s.Name == "public-suffix-list")?.Version;
                return (list, new DataSetVersion("public-suffix-list", version, null, FileHash(data.PublicSuffixRules)));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            throw new EngineException($"the Public Suffix List in {data.Root} cannot be read: {exception.Message}", exception);
        }

        throw new EngineException($"the Public Suffix List is not installed in {data.Root}: run ./build.sh setup (or set CHOKEPOINT_DATA)", isUsageError: false);
    }

    private static (AsnDatabase? Database, DataSetVersion Version, string? Problem) LoadAsn(DataDirectory data, string? asnPath, Func<string, byte[]> readFile)
    {
        var path = asnPath ?? (File.Exists(data.AsnIndexInUse) ? data.AsnIndexInUse : null);
        if (path is null)
        {
            return (null, new DataSetVersion(AsnName, null), "no IP-to-ASN data set loaded: run 'chokepoint data update'");
        }

        var installed = DataSetInventory.Read(data).FirstOrDefault(s => s.Name == "ip-to-asn");
        var version = asnPath is null
            ? new DataSetVersion(AsnName, installed?.Version, installed?.Date, null)
            : new DataSetVersion(AsnName, "file " + Path.GetFileName(asnPath), File.Exists(asnPath) ? File.GetLastWriteTimeUtc(asnPath).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        try
        {
            var bytes = readFile(path);
            var table = asnPath is null
                ? AsnDatabase.FromIndexBytes(bytes, Path.GetFileName(path))
                : AsnDatabase.FromBytes(bytes, Path.GetFileName(path));
            if (asnPath is not null && table.Ipv4RangeCount + table.Ipv6RangeCount == 0)
            {
                // Every address would be "unknown network": a file of another kind, or garbage, is refused before any work.
                throw new EngineException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{asnPath}: no IP-to-ASN range in {table.LinesRead} data lines{(table.FirstSkipped is { } first ? $" (first: {first})" : "")}; --asn-db takes a CSV of start_ip,end_ip,asn,organisation or an index written by 'chokepoint data update'"),
                    isUsageError: true);
            }

            return (table, version, null);
        }
        catch (InvalidDataException exception)
        {
            return (null, version, $"{path}: {exception.Message}; run `chokepoint data update`");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return (null, version, $"IP-to-ASN data set {path} unreadable: {exception.Message}");
        }
    }

    private static string EmbeddedHash(Assembly assembly, string prefix)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(buffer.ToArray());
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
