using System.Buffers.Binary;
using System.Globalization;
using Chokepoint.Collection.Asn;
using Chokepoint.Naming;

namespace Chokepoint.Engine.Data;

/// <summary>
/// Builds the indexes <c>chokepoint data update</c> maintains. Nothing installed is touched until the new data has
/// been built in a temporary file beside it and checked: an empty, garbage or mostly malformed input, a failure or a
/// cancellation leaves the previous index and Public Suffix List exactly as they were.
/// </summary>
public static class DataUpdater
{
    /// <summary>Largest share of a source's data lines that may be malformed before the whole update is refused.</summary>
    public const double MaxMalformedShare = 0.01;

    /// <summary>Malformed lines always accepted (a hand-made file with a stray line), whatever their share.</summary>
    public const int MalformedLinesTolerated = 10;

    /// <summary>Indexes IP-to-ASN data and installs a Public Suffix List, refusing a much smaller table; see the overload with <c>force</c>.</summary>
    /// <exception cref="EngineException">An input is missing or fails the checks (usage error), or no input is installed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was replaced.</exception>
    public static IReadOnlyList<string> Update(
        DataDirectory data,
        IReadOnlyList<FileInfo> asnCsv,
        FileInfo? asnTsv,
        FileInfo? publicSuffixList,
        CancellationToken cancellationToken = default) =>
        Update(data, asnCsv, asnTsv, publicSuffixList, force: false, cancellationToken);

    /// <summary>
    /// Indexes IP-to-ASN data and installs a Public Suffix List; returns lines describing what was done. A new table with
    /// less than half the rows of the installed one (IP-to-ASN ranges, suffix rules) is refused unless
    /// <paramref name="force"/>: a truncated download or the wrong file would otherwise replace good data silently.
    /// </summary>
    /// <exception cref="EngineException">An input is missing or fails the checks (usage error), or no input is installed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was replaced.</exception>
    public static IReadOnlyList<string> Update(
        DataDirectory data,
        IReadOnlyList<FileInfo> asnCsv,
        FileInfo? asnTsv,
        FileInfo? publicSuffixList,
        bool force,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(asnCsv);
        var report = new List<string>();

        // Every input is checked before anything is built.
        var sources = asnCsv.Select(file => new AsnInputFile(RequireFile(file).FullName)).ToList();
        if (asnTsv is not null)
        {
            sources.Add(new AsnInputFile(RequireFile(asnTsv).FullName, AsnInputFormat.Tsv));
        }

        var suffixPath = publicSuffixList is null ? null : RequireFile(publicSuffixList).FullName;
        if (sources.Count == 0)
        {
            sources.AddRange(data.AsnCsvFiles.Where(File.Exists).Select(path => new AsnInputFile(path)));
            if (sources.Count == 0)
            {
                throw new EngineException(
                    $"the IP-to-ASN package is not installed in {data.PackagesDirectory}: run ./build.sh setup, or give --asn-csv/--asn-tsv", isUsageError: false);
            }
        }

        if (suffixPath is not null)
        {
            report.Add(CheckSuffixList(suffixPath, force ? null : InstalledSuffixRules(data)));
        }

        Directory.CreateDirectory(data.IndexDirectory);
        var temporary = Path.Combine(data.IndexDirectory, $".{Path.GetFileName(data.AsnIndex)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var built = AsnIndexBuilder.Build(sources, temporary, cancellationToken);
            Check(built, sources);
            if (!force && InstalledRanges(data.AsnIndex) is { } installed && (built.Ipv4Ranges + (long)built.Ipv6Ranges) * 2 < installed)
            {
                throw new EngineException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"the new IP-to-ASN table has {built.Ipv4Ranges + (long)built.Ipv6Ranges} ranges, less than half of the {installed} installed; give --force to replace it anyway; the installed index is unchanged"),
                    isUsageError: true);
            }

            Verify(temporary, built);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, data.AsnIndex, overwrite: true);
            report.AddRange(Describe(built, sources, data.AsnIndex));
        }
        finally
        {
            Delete(temporary);
        }

        if (suffixPath is not null)
        {
            AtomicFile.Copy(suffixPath, data.PublicSuffixOverride);
        }

        return report;
    }

    private static FileInfo RequireFile(FileInfo file) => new(InputFile.RequireRegular(file.FullName));

    private static string CheckSuffixList(string path, int? installedRules)
    {
        using var reader = File.OpenText(path);
        var list = PublicSuffixList.Parse(reader);
        if (list.RuleCount < 1000)
        {
            throw new EngineException($"{path}: only {list.RuleCount} rules; not a full Public Suffix List", isUsageError: true);
        }

        if (installedRules is { } installed && (long)list.RuleCount * 2 < installed)
        {
            throw new EngineException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{path}: {list.RuleCount} rules, less than half of the {installed} installed; give --force to install it anyway; the installed list is unchanged"),
                isUsageError: true);
        }

        return string.Create(CultureInfo.InvariantCulture, $"installed a Public Suffix List of {list.RuleCount} rules");
    }

    /// <summary>Ranges of the installed index, from its header; null when there is none or its header is not sound (nothing to keep).</summary>
    private static long? InstalledRanges(string index)
    {
        try
        {
            if (!File.Exists(index))
            {
                return null;
            }

            using var stream = new FileStream(index, FileMode.Open, FileAccess.Read, FileShare.Read);
            Span<byte> start = stackalloc byte[24];
            var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            if (AsnDatabase.CheckIndexHeader(start[..read], stream.Length) is not null)
            {
                return null;
            }

            return (long)BinaryPrimitives.ReadInt32LittleEndian(start[8..]) + BinaryPrimitives.ReadInt32LittleEndian(start[12..]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Rules of the Public Suffix List in use (the refreshed file, else the package's); null when none reads.</summary>
    private static int? InstalledSuffixRules(DataDirectory data)
    {
        try
        {
            if (File.Exists(data.PublicSuffixOverride))
            {
                using var reader = File.OpenText(data.PublicSuffixOverride);
                return PublicSuffixList.Parse(reader).RuleCount;
            }

            return File.Exists(data.PublicSuffixRules) ? PublicSuffixList.ParseRulesArray(File.ReadAllText(data.PublicSuffixRules)).RuleCount : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The build is refused when a source holds no range, or when too many of a source's lines could not be read.</summary>
    private static void Check(AsnIndexBuildResult built, IReadOnlyList<AsnInputFile> sources)
    {
        foreach (var source in sources)
        {
            var name = Path.GetFileName(source.Path);
            var counts = built.Sources.FirstOrDefault(c => c.Path == source.Path) ?? new AsnSourceCounts(source.Path, 0, 0, 0);
            var sample = built.MalformedSamples.FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.Ordinal)) is { } first
                ? $" (first: {first})"
                : "";
            if (counts.Ranges == 0)
            {
                throw new EngineException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{source.Path}: no IP-to-ASN range in {counts.Lines} data lines{sample}; the installed index is unchanged"),
                    isUsageError: true);
            }

            if (counts.Malformed > MalformedLinesTolerated && counts.Malformed > counts.Lines * MaxMalformedShare)
            {
                throw new EngineException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{source.Path}: {counts.Malformed} of {counts.Lines} data lines are malformed (more than {MaxMalformedShare * 100:0.#}%){sample}; the installed index is unchanged"),
                    isUsageError: true);
            }
        }
    }

    /// <summary>The written file is read back as the engine will read it, and must hold what was built.</summary>
    private static void Verify(string temporary, AsnIndexBuildResult built)
    {
        AsnDatabase check;
        try
        {
            check = AsnDatabase.FromIndexBytes(File.ReadAllBytes(temporary), Path.GetFileName(temporary));
        }
        catch (InvalidDataException exception)
        {
            throw new EngineException($"the new IP-to-ASN index does not read back ({exception.Message}); the installed index is unchanged", isUsageError: false);
        }

        if (check.Ipv4RangeCount != built.Ipv4Ranges || check.Ipv6RangeCount != built.Ipv6Ranges)
        {
            throw new EngineException("the new IP-to-ASN index does not read back whole; the installed index is unchanged", isUsageError: false);
        }
    }

    private static IEnumerable<string> Describe(AsnIndexBuildResult built, IReadOnlyList<AsnInputFile> sources, string target)
    {
        foreach (var tsv in sources.Where(s => s.Format == AsnInputFormat.Tsv))
        {
            var counts = built.Sources.First(c => c.Path == tsv.Path);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"read {Path.GetFileName(tsv.Path)}: {counts.Ranges} ranges ({counts.Unrouted + counts.Malformed} unrouted or malformed lines skipped)");
        }

        var skippedNote = built.MalformedLines > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({built.MalformedLines} malformed lines skipped)")
            : "";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"indexed {built.Ipv4Ranges} IPv4 and {built.Ipv6Ranges} IPv6 ranges, {built.Organizations} organisations into {target}") + skippedNote;
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The temporary name is hidden and unique; a leftover is harmless.
        }
    }
}
