using CiExercise.Contracts.Events;
using CiExercise.Storage.EventLog;

namespace CiExercise.Storage.Tests;

/// <summary>
/// The appender resolves a whole group's dedupe keys and inserts its rows in a few statements; these hold
/// it to the one-at-a-time semantics: first row's seq for every repeat, gap-free order, all or none per call.
/// </summary>
public abstract class BatchingTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Keys_repeated_inside_a_call_across_calls_and_from_earlier_groups_answer_the_first_seq()
    {
        var id = await CreateExerciseAsync();
        await using (var log = Database.CreateEventLog())
        {
            Assert.Equal(2, Assert.Single(await log.AppendAsync(id, [Keyed("k0", 0)], Cancellation)).Seq);
        }

        var results = await AppendGroupAsync(id,
            [Keyed("k1", 1), Keyed(null, 2), Keyed("k1", 3)],
            [Keyed("k0", 4), Keyed("k2", 5), Keyed("k1", 6)],
            [Keyed("k3", 7), Keyed("k3", 8)]);

        Assert.Equal([new(3, false), new(4, false), new(3, true)], results[0]);
        Assert.Equal([new(2, true), new(5, false), new(3, true)], results[1]);
        Assert.Equal([new(6, false), new(6, true)], results[2]);
        await using var reader = Database.CreateEventLog();
        var events = await ReadAllAsync(reader, id);
        AssertGapFree(events, 6);
        // Each row holds the event that first used its key, in call order.
        Assert.Equal(["0", "1", "2", "5", "7"], events.Skip(1).Select(e => Marker(e.Payload)));
    }

    [Fact]
    public async Task A_group_larger_than_any_parameter_limit_keeps_dedupe_and_order()
    {
        var id = await CreateExerciseAsync();
        await using (var log = Database.CreateEventLog())
        {
            await log.AppendAsync(id, Enumerable.Range(0, 1200).Select(i => Keyed($"k{i}", i)).ToList(), Cancellation);
        }

        // 600 keys already stored, 2,400 new; then 600 repeats of the first call and 400 new: 5,000 keys,
        // well past SQL Server's 2,100 parameters.
        var first = Enumerable.Range(600, 3000).Select(i => Keyed($"k{i}", i)).ToArray();
        var second = Enumerable.Range(3000, 1000).Select(i => Keyed($"k{i}", 100_000 + i)).ToArray();
        var results = await AppendGroupAsync(id, first, second);

        Assert.Equal(Enumerable.Range(600, 3000).Select(i => new AppendResult(2 + i, Duplicate: i < 1200)), results[0]);
        Assert.Equal(Enumerable.Range(3000, 1000).Select(i => new AppendResult(2 + i, Duplicate: i < 3600)), results[1]);
        await using var reader = Database.CreateEventLog();
        var events = await ReadAllAsync(reader, id);
        AssertGapFree(events, 1 + 4000);
        Assert.Equal(Enumerable.Range(0, 3600).Select(i => $"{i}").Concat(Enumerable.Range(3600, 400).Select(i => $"{100_000 + i}")),
            events.Skip(1).Select(e => Marker(e.Payload)));
    }

    [Fact]
    public async Task A_bad_row_fails_its_own_call_and_the_rest_of_its_group_is_written()
    {
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();
        Task<IReadOnlyList<AppendResult>>[] good;
        Task<IReadOnlyList<AppendResult>> bad;
        // The held lock keeps the writer from committing until every call is queued, so they share a group.
        await using (await WriteLock.HoldAsync(Database, id, Cancellation))
        {
            good = Enumerable.Range(0, 10).Select(i => log.AppendAsync(id, [Keyed($"g{i}", i)], Cancellation)).ToArray();
            bad = log.AppendAsync(id, [Keyed("b1", 100), Keyed("b2", 101) with { Payload = null! }], Cancellation);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        var seqs = (await Task.WhenAll(good)).Select(r => Assert.Single(r).Seq).Order();
        Assert.Equal(Enumerable.Range(2, 10).Select(i => (long)i), seqs);
        // The bad call's first key was not written either: it is new when appended again.
        Assert.False(Assert.Single(await log.AppendAsync(id, [Keyed("b1", 102)], Cancellation)).Duplicate);
        AssertGapFree(await ReadAllAsync(log, id), 12);
    }

    private async Task<AppendResult[][]> AppendGroupAsync(string exerciseId, params NewEvent[][] calls)
    {
        var dialect = Database.Options.CreateDialect();
        await using var connection = await dialect.OpenAsync(Cancellation);
        await using var transaction = await dialect.BeginWriteAsync(connection, Cancellation);
        var results = await new EventAppender(dialect).AppendAsync(
            connection, transaction, calls.Select(events => new AppendCall(exerciseId, events)).ToList(), null, Cancellation);
        await transaction.CommitAsync(Cancellation);
        return results.Select(outcome => outcome.Results!).ToArray();
    }

    private static NewEvent Keyed(string? key, int marker) =>
        Event(EventKind.InjectDelivered, $"org-{marker % 7}", key, $$"""{"n":"{{marker}}"}""");

    private static string Marker(string payload) => System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("n").GetString()!;
}

public sealed class SqliteBatchingTests(SqliteTestDatabase database) : BatchingTests<SqliteTestDatabase>(database);

public sealed class SqlServerBatchingTests(SqlServerTestDatabase database) : BatchingTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlBatchingTests(PostgreSqlTestDatabase database) : BatchingTests<PostgreSqlTestDatabase>(database);
