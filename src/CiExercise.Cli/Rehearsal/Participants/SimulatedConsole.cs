using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Server.Identity;

namespace CiExercise.Cli.Rehearsal.Participants;

/// <summary>
/// One participant's console: a real hub connection through the .NET client, signed in with a join link of the
/// rehearsal's server. It hands every event to its team and counts how far it has read, so the rehearsal can wait
/// until every console has seen everything it may see before it moves the clock.
/// </summary>
public sealed class SimulatedConsole : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private long _processed;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reading = Task.CompletedTask;

    public SimulatedConsole(ExercisePrincipal principal, ExerciseConnection connection) => (Principal, Connection) = (principal, connection);

    public ExercisePrincipal Principal { get; }

    public ExerciseConnection Connection { get; }

    /// <summary>The last seq of the log this console may see, as far as the rehearsal has read the log.</summary>
    public long Visible { get; private set; }

    /// <summary>Notes an event of the log: the console must see it before the rehearsal moves on, if it may see it.</summary>
    public void Recorded(ExerciseEvent e)
    {
        if (EventAudience.CanSee(Principal, e)) Visible = e.Seq;
    }

    public async Task StartAsync(string exerciseId, Action<LiveEvent> handle, CancellationToken cancellationToken)
    {
        await Connection.StartAsync(cancellationToken);
        _reading = ReadAsync(handle);
        await Connection.Subscribe(exerciseId, 0);
    }

    private async Task ReadAsync(Action<LiveEvent> handle)
    {
        await foreach (var e in Connection.Events.ReadAllAsync())
        {
            handle(e);
            TaskCompletionSource reached;
            lock (_gate)
            {
                _processed = Math.Max(_processed, e.Seq);
                reached = _progress;
                _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            reached.TrySetResult();
        }
    }

    /// <summary>Waits until the console has handled every event it may see (a timeout only to fail, never to pace).</summary>
    public async Task WaitForVisibleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_processed >= Visible) return;
                next = _progress.Task;
            }
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _reading.IsCompleted)
                throw new RehearsalException($"The console of {Principal.OrganizationId} ({Principal.Role}) did not receive event {Visible} " +
                                             $"(it is at {_processed}{(_reading.IsCompleted ? ", its connection closed" : "")}).");
            try
            {
                await next.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Checked again above, with what it reached.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _reading;
    }
}
