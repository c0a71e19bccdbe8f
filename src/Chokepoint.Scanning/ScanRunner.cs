using System.Threading.RateLimiting;
using Chokepoint.Engine;

namespace Chokepoint.Scanning;

/// <summary>How a scan runs: how many sites at once and how many started per second.</summary>
public sealed record ScanOptions
{
    /// <summary>Sites audited at once.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>Sites started per second across the scan; 0 for no limit.</summary>
    public double RatePerSecond { get; init; }

    /// <summary>The output format, which the journal's lines are written in.</summary>
    public ScanFormat Format { get; init; } = ScanFormat.JsonLines;

    /// <summary>The default concurrency: eight sites per processor, at most 64.</summary>
    public static int DefaultConcurrency => Math.Clamp(8 * Environment.ProcessorCount, 1, 64);
}

/// <summary>Where a scan stands, as reported to its progress view.</summary>
/// <param name="Done">Sites finished, including those finished by an earlier run of the same scan.</param>
/// <param name="Total">Sites in the list.</param>
/// <param name="DoneThisRun">Sites finished by this run.</param>
/// <param name="Elapsed">Time since this run started.</param>
/// <param name="Incomplete">Sites finished with an incomplete result.</param>
/// <param name="Failed">Sites whose audit gave no report.</param>
public sealed record ScanProgress(int Done, int Total, int DoneThisRun, TimeSpan Elapsed, int Incomplete, int Failed)
{
    /// <summary>Sites per second in this run.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? DoneThisRun / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the current rate, null before any site finished.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}

/// <summary>What a scan did: its counts by completeness.</summary>
/// <param name="Total">Sites in the list.</param>
/// <param name="Complete">Sites with a complete result.</param>
/// <param name="Incomplete">Sites with an incomplete result.</param>
/// <param name="Failed">Sites whose audit gave no report.</param>
public sealed record ScanSummary(int Total, int Complete, int Incomplete, int Failed);

/// <summary>
/// Runs a scan list through one engine: the sites the journal does not hold yet, at most
/// <see cref="ScanOptions.Concurrency"/> at once and <see cref="ScanOptions.RatePerSecond"/> started per second; each
/// finished site is committed to the journal, then handed to <c>written</c>.
/// </summary>
public sealed class ScanRunner(ChokepointEngine engine, ScanJournal journal, ScanOptions options, TimeProvider time)
{
    /// <summary>
    /// Scans every site of <paramref name="list"/> not yet in the journal. <paramref name="written"/> receives each
    /// output line after its commit, one call at a time.
    /// </summary>
    public async Task<ScanSummary> RunAsync(ScanList list, Func<string, CancellationToken, Task> written, IProgress<ScanProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(written);
        var finished = journal.FinishedLines();
        var before = journal.Counts();
        var incomplete = before.Incomplete;
        var failed = before.Failed;
        var done = before.Total;
        var doneThisRun = 0;
        var started = time.GetTimestamp();
        var gate = new SemaphoreSlim(1, 1);
        using var limiter = options.RatePerSecond > 0 ? CreateLimiter(options.RatePerSecond) : null;

        var pending = list.Entries.Where(e => !finished.Contains(e.Line));
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                if (limiter is not null)
                {
                    using var lease = await limiter.AcquireAsync(1, token);
                }

                var startedAt = time.GetUtcNow();
                var record = await AuditAsync(entry, token);
                var line = record.Render(options.Format);
                await gate.WaitAsync(token);
                try
                {
                    if (journal.Commit(new JournalEntry(entry.Line, entry.Domain, record.Completeness, line, startedAt, time.GetUtcNow())))
                    {
                        done++;
                        doneThisRun++;
                        incomplete += record.Completeness == Completeness.Incomplete ? 1 : 0;
                        failed += record.Completeness == Completeness.Failed ? 1 : 0;
                        await written(line, token);
                        progress?.Report(new ScanProgress(done, list.Entries.Count, doneThisRun, time.GetElapsedTime(started), incomplete, failed));
                    }
                }
                finally
                {
                    gate.Release();
                }
            });

        var all = journal.Counts();
        return new ScanSummary(list.Entries.Count, all.Complete, all.Incomplete, all.Failed);
    }

    private async Task<ScanRecord> AuditAsync(ScanEntry entry, CancellationToken cancellationToken)
    {
        var entryPoint = string.Equals(entry.Domain, HostOf(entry), StringComparison.Ordinal) ? null : HostOf(entry);
#pragma warning disable CA1031 // one site's failure is recorded as that site's result; the scan goes on
        try
        {
            var outcome = await engine.AuditAsync(entryPoint ?? entry.Domain, null, cancellationToken);
            return ScanRecord.Of(entry, outcome.Report);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return new ScanRecord(entry, Completeness.Failed, exception.Message, null);
        }
#pragma warning restore CA1031
    }

    /// <summary>The host the entry names (a URL's host), lower case, or its domain when it names none.</summary>
    private static string HostOf(ScanEntry entry)
    {
        var text = entry.Input;
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? text[(start + 3)..] : text;
        var end = rest.IndexOfAny(['/', '?', '#', ':']);
        rest = (end >= 0 ? rest[..end] : rest).TrimEnd('.');
        return Chokepoint.Naming.DomainName.TryParse(rest, out var name, out _) ? name.Value : entry.Domain;
    }

    private static TokenBucketRateLimiter CreateLimiter(double perSecond)
    {
        var tokens = Math.Max(1, (int)Math.Ceiling(perSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
