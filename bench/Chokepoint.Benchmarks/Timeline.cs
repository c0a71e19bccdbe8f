using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Chokepoint.Benchmarks;

/// <summary>Exchanges seen during one traced audit: start and end (ms since the audit began), kind and detail.</summary>
internal sealed class Timeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(double Start, double End, string Kind, string Detail)> _events = new();

    public double Now => _clock.Elapsed.TotalMilliseconds;

    public void Restart()
    {
        _events.Clear();
        _clock.Restart();
    }

    public void Add(double start, double end, string kind, string detail) => _events.Enqueue((start, end, kind, detail));

    public void Print(TextWriter output)
    {
        foreach (var (start, end, kind, detail) in _events.OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {start,8:0.0} -> {end,8:0.0} ms  {kind,-5} {detail}"));
        }
    }
}
