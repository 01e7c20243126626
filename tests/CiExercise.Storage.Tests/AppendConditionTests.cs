using CiExercise.Contracts.Events;
using CiExercise.Storage.EventLog;

namespace CiExercise.Storage.Tests;

/// <summary>
/// An append conditioned on play is checked where its seqs are assigned: a halt or the end ordered after
/// the caller's clock snapshot refuses it, whether the halt is stored or earlier in the same group, and the
/// refusal writes nothing of it and fails nothing else.
/// </summary>
public abstract class AppendConditionTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_halt_stored_after_the_snapshot_refuses_the_append_and_the_rest_of_its_group_is_written()
    {
        var id = await CreateExerciseAsync();
        var other = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        var snapshot = await StartAsync(log, id);
        await StartAsync(log, other);
        await log.AppendAsync(id, [Event(EventKind.RealWorldHaltDeclared)], Cancellation);

        Task<IReadOnlyList<AppendResult>> refused;
        Task<IReadOnlyList<AppendResult>>[] good;
        // The held lock keeps the writer from committing until every call is queued, so they share a group.
        await using (await WriteLock.HoldAsync(Database, id, Cancellation))
        {
            refused = log.AppendAsync(id, [Decision("late")], new AppendCondition(snapshot), Cancellation);
            good =
            [
                log.AppendAsync(id, [Event(EventKind.InjectDelivered, "bank")], Cancellation),
                log.AppendAsync(other, [Decision("other")], new AppendCondition(snapshot), Cancellation),
            ];
        }

        var error = await Assert.ThrowsAsync<AppendRefusedException>(() => refused);
        Assert.Equal(EventKind.RealWorldHaltDeclared, error.StoppedBy);
        await Task.WhenAll(good);
        var events = await ReadAllAsync(log, id);
        AssertGapFree(events, 4);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.DecisionRecorded);
        Assert.Single(await ReadAllAsync(log, other), e => e.Kind == EventKind.DecisionRecorded);
        // The refused call reserved nothing: its key is new when the exercise is back in play.
        await log.AppendAsync(id, [Event(EventKind.RealWorldHaltLifted)], Cancellation);
        Assert.False(Assert.Single(await log.AppendAsync(id, [Decision("late")], new AppendCondition(snapshot), Cancellation)).Duplicate);
    }

    [Fact]
    public async Task A_halt_or_end_earlier_in_the_same_group_refuses_what_follows_it()
    {
        var id = await CreateExerciseAsync();
        await using (var log = Database.CreateEventLog())
        {
            await StartAsync(log, id);
        }

        var outcomes = await AppendGroupAsync(
            new AppendCall(id, [Decision("before")], new AppendCondition(2)),
            new AppendCall(id, [Event(EventKind.RealWorldHaltDeclared)]),
            new AppendCall(id, [Decision("during")], new AppendCondition(2)),
            new AppendCall(id, [Event(EventKind.RealWorldHaltLifted)]),
            new AppendCall(id, [Decision("after-lift")], new AppendCondition(2)),
            new AppendCall(id, [Event(EventKind.ExerciseEnded)]),
            new AppendCall(id, [Decision("after-end")], new AppendCondition(2)));

        Assert.Equal([null, null, EventKind.RealWorldHaltDeclared, null, null, null, EventKind.ExerciseEnded], outcomes.Select(o => o.RefusedBy));
        await using var reader = Database.CreateEventLog();
        var decisions = (await ReadAllAsync(reader, id)).Where(e => e.Kind == EventKind.DecisionRecorded).Select(e => e.Payload);
        Assert.Equal([Decision("before").Payload, Decision("after-lift").Payload], decisions);
    }

    [Fact]
    public async Task Only_a_halt_or_end_after_the_snapshot_counts()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        await StartAsync(log, id);
        await log.AppendAsync(id, [Event(EventKind.RealWorldHaltDeclared)], Cancellation);
        var lifted = Assert.Single(await log.AppendAsync(id, [Event(EventKind.RealWorldHaltLifted)], Cancellation)).Seq;
        // Paused and resumed since the snapshot: still in play.
        await log.AppendAsync(id, [Event(EventKind.ExercisePaused), Event(EventKind.ExerciseResumed)], Cancellation);

        await log.AppendAsync(id, [Decision("in-play")], new AppendCondition(lifted), Cancellation);
        await log.AppendAsync(id, [Event(EventKind.ExerciseEnded)], Cancellation);
        var error = await Assert.ThrowsAsync<AppendRefusedException>(() => log.AppendAsync(id, [Decision("ended")], new AppendCondition(lifted), Cancellation));

        Assert.Equal(EventKind.ExerciseEnded, error.StoppedBy);
        Assert.Single(await ReadAllAsync(log, id), e => e.Kind == EventKind.DecisionRecorded);
    }

    private static async Task<long> StartAsync(SqlEventLog log, string exerciseId) =>
        Assert.Single(await log.AppendAsync(exerciseId, [Event(EventKind.ExerciseStarted)], Cancellation)).Seq;

    private static NewEvent Decision(string key) => Event(EventKind.DecisionRecorded, "bank", key, $$"""{"key":"{{key}}"}""");

    private async Task<CallOutcome[]> AppendGroupAsync(params AppendCall[] calls)
    {
        var dialect = Database.Options.CreateDialect();
        await using var connection = await dialect.OpenAsync(Cancellation);
        await using var transaction = await dialect.BeginWriteAsync(connection, Cancellation);
        var outcomes = await new EventAppender(dialect).AppendAsync(connection, transaction, calls, null, Cancellation);
        await transaction.CommitAsync(Cancellation);
        return outcomes;
    }
}

public sealed class SqliteAppendConditionTests(SqliteTestDatabase database) : AppendConditionTests<SqliteTestDatabase>(database);

public sealed class SqlServerAppendConditionTests(SqlServerTestDatabase database) : AppendConditionTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlAppendConditionTests(PostgreSqlTestDatabase database) : AppendConditionTests<PostgreSqlTestDatabase>(database);
