using System.Collections.Concurrent;

namespace Chokepoint.Simulation.Dns;

/// <summary>Keeps the server's fire-and-forget tasks so that disposal can wait for them.</summary>
internal sealed class TaskTracker
{
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();

    public void Track(Task task)
    {
        if (task.IsCompleted)
        {
            return;
        }

        _tasks.TryAdd(task, 0);
        task.ContinueWith(t => _tasks.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task WhenAll() => Task.WhenAll(_tasks.Keys);
}
