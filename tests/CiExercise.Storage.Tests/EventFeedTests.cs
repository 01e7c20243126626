using System.Collections.Concurrent;
using CiExercise.Contracts.Events;

namespace CiExercise.Storage.Tests;

/// <summary>The event log's feed: committed rows only, in commit order, and never holding the writer up.</summary>
public abstract class EventFeedTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Subscribers_get_every_committed_row_once_in_sequence_order_after_it_is_readable()
    {
        var ids = new[] { await CreateExerciseAsync(), await CreateExerciseAsync() };
        await using var log = Database.CreateEventLog();
        var seen = new ConcurrentQueue<ExerciseEvent>();
        var unreadable = new ConcurrentQueue<long>();
        const int appendsPerExercise = 40;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = log.Subscribe(async (events, cancellationToken) =>
        {
            foreach (var e in events)
            {
                // Published after the commit: a reader on another connection already finds the row.
                var read = await log.ReadAsync(e.ExerciseId, e.Seq - 1, 1, cancellationToken);
                if (read.Count != 1 || read[0] != e) unreadable.Enqueue(e.Seq);
                seen.Enqueue(e);
            }
            if (seen.Count >= 2 * appendsPerExercise) all.TrySetResult();
        });

        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, appendsPerExercise).Select(i =>
            log.AppendAsync(id, [Event(EventKind.MessageSent, "org-a", dedupeKey: $"k{i}")], Cancellation))));
        // Repeats of recorded actions commit nothing new, so they publish nothing.
        await log.AppendAsync(ids[0], [Event(EventKind.MessageSent, "org-a", dedupeKey: "k0")], Cancellation);
        await all.Task.WaitAsync(Timeout, Cancellation);
        await log.DisposeAsync();

        Assert.Empty(unreadable);
        foreach (var id in ids)
        {
            Assert.Equal(Enumerable.Range(2, appendsPerExercise).Select(i => (long)i), seen.Where(e => e.ExerciseId == id).Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task A_stuck_subscriber_does_not_hold_up_appends_and_catches_up_when_it_moves()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new ConcurrentQueue<long>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = log.Subscribe(async (events, cancellationToken) =>
        {
            await gate.Task.WaitAsync(cancellationToken);
            foreach (var e in events) seen.Enqueue(e.Seq);
            if (seen.Count >= 20) all.TrySetResult();
        });

        for (var i = 0; i < 20; i++)
        {
            await log.AppendAsync(id, [Event(EventKind.MessageSent, "org-a")], Cancellation).WaitAsync(Timeout, Cancellation);
        }

        Assert.Empty(seen);
        gate.SetResult();
        await log.DisposeAsync();
        await all.Task.WaitAsync(Timeout, Cancellation);
        Assert.Equal(Enumerable.Range(2, 20).Select(i => (long)i), seen);
    }
}

public sealed class SqliteEventFeedTests(SqliteTestDatabase database) : EventFeedTests<SqliteTestDatabase>(database);

public sealed class SqlServerEventFeedTests(SqlServerTestDatabase database) : EventFeedTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlEventFeedTests(PostgreSqlTestDatabase database) : EventFeedTests<PostgreSqlTestDatabase>(database);
