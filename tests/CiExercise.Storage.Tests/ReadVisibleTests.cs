using CiExercise.Contracts.Events;

namespace CiExercise.Storage.Tests;

public abstract class ReadVisibleTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_participant_reads_the_lifecycle_and_its_own_organization_and_nothing_else()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        // Every kind at the exercise level and in three organizations, interleaved.
        var events = Enum.GetValues<EventKind>()
            .SelectMany(kind => new[] { Event(kind), Event(kind, "org-a"), Event(kind, "org-b"), Event(kind, "org-a-2") })
            .ToList();
        await log.AppendAsync(id, events, Cancellation);
        var all = await ReadAllAsync(log, id);

        var visible = await log.ReadVisibleAsync(id, "org-a", 0, int.MaxValue, Cancellation);

        var expected = all.Where(e => e.OrganizationId == "org-a" || e.OrganizationId is null && PublicKinds.All.Contains(e.Kind)).ToList();
        Assert.Equal(expected, visible);
        Assert.Equal(PublicKinds.All.Order(), visible.Where(e => e.OrganizationId is null).Select(e => e.Kind).Order());
        Assert.Equal(Enum.GetValues<EventKind>().Length, visible.Count(e => e.OrganizationId == "org-a"));
        // The exercise list's clock read holds to the same list.
        Assert.Equal(all.Where(e => e.OrganizationId is null && LifecycleKinds.All.Contains(e.Kind)), await log.ReadClockAsync(id, Cancellation));
    }

    [Fact]
    public async Task Pages_follow_seq_from_any_point_without_gaps_or_repeats()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        var kinds = new[] { EventKind.ExerciseStarted, EventKind.InjectFired, EventKind.ExercisePaused, EventKind.ObservationRecorded };
        await log.AppendAsync(id, Enumerable.Range(0, 60).Select(i => i % 3 == 0
            ? Event(kinds[i / 3 % kinds.Length])
            : Event(EventKind.InjectDelivered, i % 3 == 1 ? "org-a" : "org-b")).ToList(), Cancellation);
        var expected = (await log.ReadVisibleAsync(id, "org-a", 0, int.MaxValue, Cancellation)).ToList();

        var paged = new List<ExerciseEvent>();
        for (long after = 5; ; after = paged[^1].Seq)
        {
            var page = await log.ReadVisibleAsync(id, "org-a", after, 4, Cancellation);
            Assert.InRange(page.Count, 0, 4);
            if (page.Count == 0) break;
            paged.AddRange(page);
        }

        Assert.Equal(expected.Where(e => e.Seq > 5), paged);
        Assert.Equal(20 + 10, expected.Count);
        var stranger = await log.ReadVisibleAsync(id, "org-none", 0, 100, Cancellation);
        Assert.Equal(expected.Where(e => e.OrganizationId is null), stranger);
    }
}

public sealed class SqliteReadVisibleTests(SqliteTestDatabase database) : ReadVisibleTests<SqliteTestDatabase>(database);

public sealed class SqlServerReadVisibleTests(SqlServerTestDatabase database) : ReadVisibleTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlReadVisibleTests(PostgreSqlTestDatabase database) : ReadVisibleTests<PostgreSqlTestDatabase>(database);
