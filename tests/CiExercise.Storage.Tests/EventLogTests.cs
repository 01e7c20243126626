using CiExercise.Contracts.Events;
using CiExercise.Storage.EventLog;

namespace CiExercise.Storage.Tests;

public abstract class EventLogTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Creation_is_seq_1_and_appends_continue_from_it()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();

        var results = await log.AppendAsync(id, [Event(EventKind.ExerciseStarted), Event(EventKind.InjectFired), Event(EventKind.ExercisePaused)], Cancellation);

        Assert.Equal([new(2, false), new(3, false), new(4, false)], results);
        var events = await ReadAllAsync(log, id);
        AssertGapFree(events, 4);
        Assert.Equal([EventKind.ExerciseCreated, EventKind.ExerciseStarted, EventKind.InjectFired, EventKind.ExercisePaused], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task Every_field_round_trips_with_full_precision()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        // 100 ns precision and a non-UTC offset: the instant must survive exactly.
        var wall = new DateTimeOffset(2026, 3, 11, 14, 46, 18, TimeSpan.FromHours(9)).AddTicks(1234567);
        var scenario = new TimeSpan(1, 2, 3, 4).Add(TimeSpan.FromTicks(8765431));
        const string payload = """{"text":"停電が発生しました／Power outage","n":1}""";
        NewEvent full = new(EventKind.DecisionRecorded, wall, scenario, "org-電力", new Actor("佐藤", "ciso", "org-電力"), "inj-7", 1, payload, "dk-1");
        NewEvent sparse = new(EventKind.SpeedChanged, wall, TimeSpan.Zero, null, Actor.Controller("ctl"), null, null, "{}", null);

        await log.AppendAsync(id, [full, sparse], Cancellation);

        var read = (await ReadAllAsync(log, id)).Skip(1).ToList();
        Assert.Equal(new ExerciseEvent(id, 2, full.Kind, wall, scenario, full.OrganizationId, full.Actor, full.InjectId, full.RefSeq, payload), read[0]);
        Assert.Equal(new ExerciseEvent(id, 3, sparse.Kind, wall, TimeSpan.Zero, null, sparse.Actor, null, null, "{}"), read[1]);
        Assert.Equal(wall.UtcTicks, read[0].WallTime.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read[0].WallTime.Offset);
    }

    [Fact]
    public async Task A_repeated_dedupe_key_returns_the_first_seq_within_and_across_calls()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();

        var first = await log.AppendAsync(id, [Event(EventKind.InjectDelivered, "a", "k1"), Event(EventKind.InjectDelivered, "b"), Event(EventKind.InjectDelivered, "a", "k1")], Cancellation);
        var second = await log.AppendAsync(id, [Event(EventKind.InjectDelivered, "a", "k1"), Event(EventKind.InjectDelivered, "c", "k2")], Cancellation);

        Assert.Equal([new(2, false), new(3, false), new(2, true)], first);
        Assert.Equal([new(2, true), new(4, false)], second);
        AssertGapFree(await ReadAllAsync(log, id), 4);
    }

    [Fact]
    public async Task Concurrent_appends_with_one_dedupe_key_write_one_row()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => log.AppendAsync(id, [Event(EventKind.InjectDelivered, "a", "fire-1")], Cancellation)));

        var all = results.Select(r => Assert.Single(r)).ToList();
        Assert.Single(all, r => !r.Duplicate);
        Assert.All(all, r => Assert.Equal(2, r.Seq));
        AssertGapFree(await ReadAllAsync(log, id), 2);
    }

    [Fact]
    public async Task A_call_with_one_bad_event_writes_none_of_its_events()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        var bad = Event(EventKind.MessageSent, "a") with { Payload = null! };

        await Assert.ThrowsAnyAsync<Exception>(() => log.AppendAsync(id, [Event(EventKind.MessageSent, "a"), bad], Cancellation));
        var after = await log.AppendAsync(id, [Event(EventKind.MessageSent, "a")], Cancellation);

        Assert.Equal(2, Assert.Single(after).Seq);
        AssertGapFree(await ReadAllAsync(log, id), 2);
        Assert.Equal(1, log.Statistics.FailedRequests);
    }

    [Fact]
    public async Task A_failing_call_in_a_group_fails_alone()
    {
        var id = await CreateExerciseAsync();
        var missing = NewId("missing");
        await using var log = Database.CreateEventLog();
        Task<IReadOnlyList<AppendResult>>[] good;
        Task<IReadOnlyList<AppendResult>> doomed;
        // Holding the exercise's write lock keeps the writer from committing anything until every call
        // below is queued, so the doomed call shares a group with good ones.
        await using (var blocker = await WriteLock.HoldAsync(Database, id, Cancellation))
        {
            good = Enumerable.Range(0, 20).Select(_ => log.AppendAsync(id, [Event(EventKind.InjectAcknowledged, "a")], Cancellation)).ToArray();
            doomed = log.AppendAsync(missing, [Event(EventKind.InjectAcknowledged, "a")], Cancellation);
        }

        var error = await Assert.ThrowsAsync<ExerciseNotFoundException>(() => doomed);
        Assert.Equal(missing, error.ExerciseId);
        var seqs = (await Task.WhenAll(good)).Select(r => Assert.Single(r).Seq).Order();
        Assert.Equal(Enumerable.Range(2, 20).Select(i => (long)i), seqs);
        AssertGapFree(await ReadAllAsync(log, id), 21);
        Assert.Empty(await ReadAllAsync(log, missing));
        Assert.True(log.Statistics.RetriedGroups >= 1, $"the doomed call should have been grouped: {log.Statistics}");
    }

    [Fact]
    public async Task Reads_page_by_seq_and_split_organization_and_exercise_streams()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        var orgs = new[] { "org-a", "org-b", null };
        await log.AppendAsync(id, Enumerable.Range(0, 24).Select(i => Event(EventKind.InjectDelivered, orgs[i % 3])).ToList(), Cancellation);

        var pages = new List<IReadOnlyList<ExerciseEvent>>();
        for (long after = 0; ; after = pages[^1][^1].Seq)
        {
            var page = await log.ReadAsync(id, after, 10, Cancellation);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        AssertGapFree(pages.SelectMany(p => p).ToList(), 25);
        var orgA = await log.ReadOrganizationAsync(id, "org-a", Cancellation);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 2L + 3 * i), orgA.Select(e => e.Seq));
        var exerciseLevel = await log.ReadExerciseLevelAsync(id, Cancellation);
        Assert.Equal(new long[] { 1 }.Concat(Enumerable.Range(0, 8).Select(i => 4L + 3 * i)), exerciseLevel.Select(e => e.Seq));
        Assert.All(exerciseLevel, e => Assert.Null(e.OrganizationId));
    }
}

public sealed class SqliteEventLogTests(SqliteTestDatabase database) : EventLogTests<SqliteTestDatabase>(database);

public sealed class SqlServerEventLogTests(SqlServerTestDatabase database) : EventLogTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlEventLogTests(PostgreSqlTestDatabase database) : EventLogTests<PostgreSqlTestDatabase>(database);
