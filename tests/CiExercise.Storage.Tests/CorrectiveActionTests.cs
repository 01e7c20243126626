using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Ports;
using Microsoft.Data.Sqlite;

namespace CiExercise.Storage.Tests;

public abstract class CorrectiveActionTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public async Task An_added_action_reads_back_exactly_as_version_one_and_is_its_own_first_history_row()
    {
        var store = Database.CreateCorrectiveActions();
        var action = Action(NewId("ex")) with
        {
            ObjectiveId = "obj-1", Capability = "情報共有", TaskId = "task-1", ObservationSeq = 42, Kpi = "ResponseWindow",
            OwnerOrganizationId = "bank", Due = new DateOnly(2026, 12, 31), Status = CorrectiveActionStatus.InProgress,
            Finding = "連絡体制が不明確", Version = 7,
        };

        var added = await store.AddAsync(action, null, Cancellation);

        Assert.Equal(action with { Version = 1 }, added);
        Assert.Equal(added, await store.GetAsync(action.Id, Cancellation));
        Assert.Equal([added], await store.HistoryAsync(action.Id, Cancellation));
        Assert.Null(await store.GetAsync(NewId("absent"), Cancellation));
    }

    [Fact]
    public async Task A_retry_under_the_same_request_key_answers_the_first_action_and_adds_no_row()
    {
        var store = Database.CreateCorrectiveActions();
        var exercise = NewId("ex");
        var key = NewId("key");
        var first = await store.AddAsync(Action(exercise), key, Cancellation);

        var retried = await store.AddAsync(Action(exercise) with { Finding = "retry" }, key, Cancellation);
        var raced = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Database.CreateCorrectiveActions().AddAsync(Action(exercise), key, Cancellation))));

        Assert.Equal(first, retried);
        Assert.All(raced, answer => Assert.Equal(first, answer));
        Assert.Single(await store.ListAsync(int.MaxValue, Cancellation), a => a.ExerciseId == exercise);
    }

    [Fact]
    public async Task An_update_of_the_read_version_is_kept_and_every_version_stays_in_the_history()
    {
        var store = Database.CreateCorrectiveActions();
        var added = await store.AddAsync(Action(NewId("ex")), null, Cancellation);
        var edit = added with
        {
            Status = CorrectiveActionStatus.Done, Action = "手順書を改訂した", Due = new DateOnly(2027, 1, 15), Kpi = "Escalation",
            UpdatedBy = "評価者", UpdatedAt = Now.AddDays(3),
        };

        var updated = await store.UpdateAsync(edit, 1, Cancellation);
        var again = await store.UpdateAsync(updated! with { Due = null, UpdatedAt = Now.AddDays(4) }, 2, Cancellation);

        Assert.Equal(edit with { Version = 2 }, updated);
        Assert.Equal(3, again!.Version);
        Assert.Null(again.Due);
        Assert.Equal([added, updated!, again], await store.HistoryAsync(added.Id, Cancellation));
    }

    [Fact]
    public async Task An_update_of_a_stale_version_is_refused_with_the_stored_version_and_changes_nothing()
    {
        var store = Database.CreateCorrectiveActions();
        var added = await store.AddAsync(Action(NewId("ex")), null, Cancellation);
        var current = await store.UpdateAsync(added with { Finding = "first edit" }, 1, Cancellation);

        var conflict = await Assert.ThrowsAsync<CorrectiveActionConflictException>(() =>
            store.UpdateAsync(added with { Finding = "stale edit" }, 1, Cancellation));

        Assert.Equal(2, conflict.StoredVersion);
        Assert.Equal(current, await store.GetAsync(added.Id, Cancellation));
        Assert.Equal(2, (await store.HistoryAsync(added.Id, Cancellation)).Count);
        Assert.Null(await store.UpdateAsync(Action("ex") with { Id = NewId("absent") }, 1, Cancellation));
    }

    [Fact]
    public async Task Of_concurrent_updates_of_one_version_exactly_one_wins()
    {
        var store = Database.CreateCorrectiveActions();
        var added = await store.AddAsync(Action(NewId("ex")), null, Cancellation);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                return await Database.CreateCorrectiveActions().UpdateAsync(added with { Finding = $"edit {i}" }, 1, Cancellation);
            }
            catch (CorrectiveActionConflictException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(attempts, a => a is not null);
        Assert.Equal(winner, await store.GetAsync(added.Id, Cancellation));
        Assert.Equal(2, (await store.HistoryAsync(added.Id, Cancellation)).Count);
    }

    [Fact]
    public async Task The_list_is_oldest_first_and_bounded()
    {
        var store = Database.CreateCorrectiveActions();
        var exercise = NewId("ex");
        var later = await store.AddAsync(Action(exercise) with { CreatedAt = Now.AddYears(50).AddMinutes(1) }, null, Cancellation);
        var earlier = await store.AddAsync(Action(exercise) with { CreatedAt = Now.AddYears(50) }, null, Cancellation);

        var all = await store.ListAsync(int.MaxValue, Cancellation);

        Assert.Equal([earlier, later], all.Where(a => a.ExerciseId == exercise));
        Assert.Equal(all.Take(1), await store.ListAsync(1, Cancellation));
        Assert.Empty(await store.ListAsync(0, Cancellation));
    }

    [Fact]
    public async Task A_reopened_store_sees_actions_and_their_history()
    {
        var added = await Database.CreateCorrectiveActions().AddAsync(Action(NewId("ex")), null, Cancellation);
        await Database.CreateCorrectiveActions().UpdateAsync(added with { Status = CorrectiveActionStatus.Dropped }, 1, Cancellation);

        SqliteConnection.ClearAllPools();

        var store = Database.CreateCorrectiveActions();
        Assert.Equal(CorrectiveActionStatus.Dropped, (await store.GetAsync(added.Id, Cancellation))!.Status);
        Assert.Equal([1, 2], (await store.HistoryAsync(added.Id, Cancellation)).Select(a => a.Version));
    }

    private static CorrectiveAction Action(string exerciseId) =>
        new(NewId("ca"), exerciseId, null, null, null, null, null, "Finding", "Action", null, null, CorrectiveActionStatus.Open,
            "controller", Now, "controller", Now, 1);
}

public sealed class SqliteCorrectiveActionTests(SqliteTestDatabase database) : CorrectiveActionTests<SqliteTestDatabase>(database);

public sealed class SqlServerCorrectiveActionTests(SqlServerTestDatabase database) : CorrectiveActionTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlCorrectiveActionTests(PostgreSqlTestDatabase database) : CorrectiveActionTests<PostgreSqlTestDatabase>(database);
