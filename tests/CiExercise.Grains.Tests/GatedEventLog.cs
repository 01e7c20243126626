using System.Collections.Concurrent;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;

namespace CiExercise.Grains.Tests;

/// <summary>
/// The product's event log with gates a test sets: an append carrying a given kind, or a read of an
/// organization's stream, stops there until the test releases it, so a race runs in the order the test picks.
/// </summary>
internal sealed class GatedEventLog(IEventLog inner) : IEventLog
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new();

    /// <summary>The next append to the exercise that holds an event of <paramref name="kind"/> waits, before it reaches the log.</summary>
    public Gate HoldAppend(string exerciseId, EventKind kind) => Add($"append:{exerciseId}:{kind}");

    /// <summary>The next read of the organization's stream reads the log, then waits before it answers.</summary>
    public Gate HoldRead(string exerciseId, string organizationId) => Add($"read:{exerciseId}:{organizationId}");

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(
        string exerciseId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        await PassAppend(exerciseId, events);
        return await inner.AppendAsync(exerciseId, events, cancellationToken);
    }

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(
        string exerciseId, IReadOnlyList<NewEvent> events, AppendCondition condition, CancellationToken cancellationToken = default)
    {
        await PassAppend(exerciseId, events);
        return await inner.AppendAsync(exerciseId, events, condition, cancellationToken);
    }

    public async Task<IReadOnlyList<ExerciseEvent>> ReadOrganizationAsync(
        string exerciseId, string organizationId, CancellationToken cancellationToken = default)
    {
        var events = await inner.ReadOrganizationAsync(exerciseId, organizationId, cancellationToken);
        if (_gates.TryRemove($"read:{exerciseId}:{organizationId}", out var gate)) await gate.PassAsync();
        return events;
    }

    private readonly ConcurrentDictionary<string, int> _reads = new();

    /// <summary>The next read of the exercise's whole log (ReadAsync) waits before it reads, until the test releases it.</summary>
    public Gate HoldReadAll(string exerciseId) => Add($"read-all:{exerciseId}");

    /// <summary>How many reads of the exercise's whole log (ReadAsync) there have been.</summary>
    public int ReadsOf(string exerciseId) => _reads.GetValueOrDefault(exerciseId);

    public async Task<IReadOnlyList<ExerciseEvent>> ReadAsync(string exerciseId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        _reads.AddOrUpdate(exerciseId, 1, (_, n) => n + 1);
        if (_gates.TryRemove($"read-all:{exerciseId}", out var gate)) await gate.PassAsync();
        return await inner.ReadAsync(exerciseId, afterSeq, limit, cancellationToken);
    }

    public Task<IReadOnlyList<ExerciseEvent>> ReadVisibleAsync(
        string exerciseId, string organizationId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadVisibleAsync(exerciseId, organizationId, afterSeq, limit, cancellationToken);

    public Task<IReadOnlyList<ExerciseEvent>> ReadExerciseLevelAsync(string exerciseId, CancellationToken cancellationToken = default) =>
        inner.ReadExerciseLevelAsync(exerciseId, cancellationToken);

    public Task<IReadOnlyList<ExerciseEvent>> ReadClockAsync(string exerciseId, CancellationToken cancellationToken = default) =>
        inner.ReadClockAsync(exerciseId, cancellationToken);

    public Task<long> ReadLastSeqAsync(string exerciseId, CancellationToken cancellationToken = default) =>
        inner.ReadLastSeqAsync(exerciseId, cancellationToken);

    private Gate Add(string key)
    {
        var gate = new Gate();
        if (!_gates.TryAdd(key, gate)) throw new InvalidOperationException($"A gate for {key} is already set.");
        return gate;
    }

    private Task PassAppend(string exerciseId, IReadOnlyList<NewEvent> events)
    {
        foreach (var kind in events.Select(e => e.Kind).Distinct())
            if (_gates.TryRemove($"append:{exerciseId}:{kind}", out var gate)) return gate.PassAsync();
        return Task.CompletedTask;
    }

    /// <summary>One held call: Reached completes when it arrives, and it goes on at Release.</summary>
    public sealed class Gate
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public Task PassAsync()
        {
            _reached.TrySetResult();
            return _released.Task;
        }
    }
}
