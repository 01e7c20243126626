using CiExercise.Contracts.Ports;

namespace CiExercise.Cli.Rehearsal.Hosting;

/// <summary>
/// The wake-ups the exercise grain asks for, kept for the rehearsal instead of Quartz: the rehearsal moves its clock to
/// the next one and wakes the grain itself, so nothing fires on wall time. One pending wake-up per exercise, as Quartz keeps.
/// </summary>
public sealed class RehearsalWakeups : IWakeupScheduler
{
    private readonly Dictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task ScheduleAsync(string exerciseId, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        lock (_gate) _pending[exerciseId] = dueAt;
        return Task.CompletedTask;
    }

    public Task CancelAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        lock (_gate) _pending.Remove(exerciseId);
        return Task.CompletedTask;
    }

    public DateTimeOffset? Next(string exerciseId)
    {
        lock (_gate) return _pending.TryGetValue(exerciseId, out var at) ? at : null;
    }

    /// <summary>Whether the exercise's wake-up is due at now; if so it is used up (the grain books the next one).</summary>
    public bool TakeDue(string exerciseId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(exerciseId, out var at) || at > now) return false;
            _pending.Remove(exerciseId);
            return true;
        }
    }
}
