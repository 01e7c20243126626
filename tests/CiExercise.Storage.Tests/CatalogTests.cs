using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using Microsoft.Data.Sqlite;

namespace CiExercise.Storage.Tests;

public abstract class CatalogTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Created_exercise_reads_back_and_a_duplicate_id_changes_nothing()
    {
        var catalog = Database.CreateCatalog();
        var id = NewId("ex");
        var record = Record(id, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(7654321));
        await catalog.CreateAsync(record, Event(EventKind.ExerciseCreated), Cancellation);

        var error = await Assert.ThrowsAsync<ExerciseAlreadyExistsException>(() =>
            catalog.CreateAsync(record with { Name = "other" }, Event(EventKind.ExerciseCreated), Cancellation));

        Assert.Equal(id, error.ExerciseId);
        Assert.Equal(record, await catalog.GetAsync(id, Cancellation));
        await using var log = Database.CreateEventLog();
        Assert.Equal(EventKind.ExerciseCreated, Assert.Single(await ReadAllAsync(log, id)).Kind);
        Assert.Null(await catalog.GetAsync(NewId("absent"), Cancellation));
    }

    [Fact]
    public async Task List_is_newest_first_and_running_holds_only_exercises_whose_clock_runs()
    {
        var catalog = Database.CreateCatalog();
        var start = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await CreateExerciseAsync(start.AddSeconds(i)));
        }

        await using var log = Database.CreateEventLog();
        // 0 stays a draft; 1 ended; 2 runs; 3 paused; 4 resumed after a pause (speed changes do not count);
        // 5 halted and lifted, which returns it to paused.
        await log.AppendAsync(ids[1], [Event(EventKind.ExerciseStarted), Event(EventKind.ExerciseEnded)], Cancellation);
        await log.AppendAsync(ids[2], [Event(EventKind.ExerciseStarted), Event(EventKind.SpeedChanged)], Cancellation);
        await log.AppendAsync(ids[3], [Event(EventKind.ExerciseStarted), Event(EventKind.ExercisePaused)], Cancellation);
        await log.AppendAsync(ids[4], [Event(EventKind.ExerciseStarted), Event(EventKind.ExercisePaused), Event(EventKind.ExerciseResumed), Event(EventKind.ClockJumped)], Cancellation);
        await log.AppendAsync(ids[5], [Event(EventKind.ExerciseStarted), Event(EventKind.RealWorldHaltDeclared), Event(EventKind.RealWorldHaltLifted)], Cancellation);

        var listed = (await catalog.ListAsync(Cancellation)).Select(r => r.Id).Where(ids.Contains);
        Assert.Equal(Enumerable.Reverse(ids), listed);
        var running = (await catalog.ListRunningAsync(Cancellation)).Where(ids.Contains);
        Assert.Equal([ids[4], ids[2]], running);
        // What the exercise list folds instead of waking each grain: the clock rows, and the last seq.
        Assert.Equal([EventKind.ExerciseStarted, EventKind.ExercisePaused, EventKind.ExerciseResumed, EventKind.ClockJumped],
            (await log.ReadClockAsync(ids[4], Cancellation)).Select(e => e.Kind));
        Assert.Equal(5, await log.ReadLastSeqAsync(ids[4], Cancellation));
        Assert.Equal(0, await log.ReadLastSeqAsync(NewId("absent"), Cancellation));
    }

    [Fact]
    public async Task Migrations_run_again_do_nothing_and_record_their_versions()
    {
        var runner = Database.CreateMigrationRunner();

        var appliedNow = await runner.ApplyAsync(Cancellation);

        Assert.Empty(appliedNow);
        var expected = Database.Options.CreateDialect().Migrations.Select(m => m.Version).ToList();
        Assert.Contains(1, expected);
        Assert.Equal(expected, await runner.AppliedVersionsAsync(Cancellation));
    }

    [Fact]
    public async Task A_reopened_store_sees_everything_committed()
    {
        var id = await CreateExerciseAsync();
        await using (var log = Database.CreateEventLog())
        {
            await log.AppendAsync(id, [Event(EventKind.ExerciseStarted), Event(EventKind.InjectDelivered, "org-a", "d-1")], Cancellation);
        }

        SqliteConnection.ClearAllPools();
        await using var reopened = Database.CreateEventLog();
        var events = await ReadAllAsync(reopened, id);

        AssertGapFree(events, 3);
        Assert.Equal([new(3, true)], await reopened.AppendAsync(id, [Event(EventKind.InjectDelivered, "org-a", "d-1")], Cancellation));
        Assert.NotNull(await Database.CreateCatalog().GetAsync(id, Cancellation));
    }
}

public sealed class SqliteCatalogTests(SqliteTestDatabase database) : CatalogTests<SqliteTestDatabase>(database);

public sealed class SqlServerCatalogTests(SqlServerTestDatabase database) : CatalogTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlCatalogTests(PostgreSqlTestDatabase database) : CatalogTests<PostgreSqlTestDatabase>(database);
