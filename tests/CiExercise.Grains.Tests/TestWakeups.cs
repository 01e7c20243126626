using System.Collections.Concurrent;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;

namespace CiExercise.Grains.Tests;

/// <summary>
/// The scheduler in place of Quartz: holds each exercise's wake-up and fires it when a test says time has
/// come, and fails on demand, as Quartz does when its database is away.
/// </summary>
internal sealed class TestWakeups : IWakeupScheduler
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();

    /// <summary>The next <paramref name="times"/> calls for the exercise fail (int.MaxValue: every call).</summary>
    public void Fail(string exerciseId, int times) => _failures[exerciseId] = times;

    public DateTimeOffset? DueAt(string exerciseId) => _due.TryGetValue(exerciseId, out var at) ? at : null;

    public Task ScheduleAsync(string exerciseId, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        FailIfAsked(exerciseId);
        _due[exerciseId] = dueAt;
        return Task.CompletedTask;
    }

    public Task CancelAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        FailIfAsked(exerciseId);
        _due.TryRemove(exerciseId, out _);
        return Task.CompletedTask;
    }

    /// <summary>What the Quartz job does when the exercise's trigger is due at <paramref name="now"/>.</summary>
    public async Task FireIfDueAsync(IGrainFactory grains, string exerciseId, DateTimeOffset now)
    {
        if (DueAt(exerciseId) is { } at && at <= now && _due.TryRemove(new KeyValuePair<string, DateTimeOffset>(exerciseId, at)))
            await grains.GetGrain<IExerciseGrain>(exerciseId).FireDue();
    }

    private void FailIfAsked(string exerciseId)
    {
        while (_failures.TryGetValue(exerciseId, out var left) && left > 0)
        {
            if (_failures.TryUpdate(exerciseId, left == int.MaxValue ? left : left - 1, left))
                throw new InvalidOperationException($"The scheduler's store is unavailable (test) for exercise '{exerciseId}'.");
        }
    }
}
