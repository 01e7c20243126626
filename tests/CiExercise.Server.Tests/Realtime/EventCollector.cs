using CiExercise.Client;
using CiExercise.Client.Hub;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>Everything a connection hands out, and a way to await a condition on it (never a sleep).</summary>
internal sealed class EventCollector
{
    private readonly Lock _gate = new();
    private readonly List<LiveEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventCollector(ExerciseConnection connection)
    {
        Completion = Task.Run(async () =>
        {
            await foreach (var e in connection.Events.ReadAllAsync())
            {
                lock (_gate)
                {
                    _events.Add(e);
                    _changed.TrySetResult();
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        });
    }

    public Task Completion { get; }

    public IReadOnlyList<LiveEvent> Snapshot()
    {
        lock (_gate) return [.. _events];
    }

    /// <summary>Completes when the next event arrives.</summary>
    public Task ChangedAsync()
    {
        lock (_gate) return _changed.Task;
    }

    public async Task<IReadOnlyList<LiveEvent>> WaitForAsync(Func<IReadOnlyList<LiveEvent>, bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(HubHarness.Timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_events)) return [.. _events];
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {what}; got seqs {string.Join(",", Snapshot().Select(e => e.Seq))}.");
            }
        }
    }
}
