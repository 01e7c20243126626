using System.Diagnostics;
using CiExercise.Contracts.Events;
using Microsoft.Data.Sqlite;

namespace CiExercise.Storage.Tests;

public abstract class ConcurrencyTests<TDatabase>(TDatabase database, ITestOutputHelper output) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Many_concurrent_appenders_get_gap_free_seqs_in_grouped_commits()
    {
        var exercises = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CreateExerciseAsync()));
        await using var log = Database.CreateEventLog();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(task => Task.Run(async () =>
        {
            var mine = new List<AppendResult>();
            for (var i = 0; i < 20; i++)
            {
                mine.AddRange(await log.AppendAsync(exercises[task % 5], [Event(EventKind.DecisionRecorded, $"org-{task}")], Cancellation));
            }

            return mine;
        })));

        foreach (var id in exercises)
        {
            AssertGapFree(await ReadAllAsync(log, id), 1 + 200);
        }

        Assert.All(results.SelectMany(r => r), r => Assert.False(r.Duplicate));
        var stats = log.Statistics;
        output.WriteLine($"{Database.Options.Provider}: {stats}");
        Assert.Equal(1000, stats.Requests);
        Assert.Equal(1000, stats.Rows);
        Assert.True(stats.Transactions < stats.Requests, $"appends were not grouped: {stats}");
    }

    [Fact]
    public async Task Two_stores_on_one_database_append_to_one_exercise_without_gaps()
    {
        var id = await CreateExerciseAsync();
        // Different connection strings give the two stores separate pools, as two silos would have.
        var other = Database.Options.Provider == StorageProvider.Sqlite
            ? new StorageOptions { ConnectionString = new SqliteConnectionStringBuilder(Database.Options.ConnectionString) { Pooling = false }.ToString() }
            : Database.Options;
        await using var first = Database.CreateEventLog();
        await using var second = Database.CreateEventLog(other);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(task => Task.Run(async () =>
        {
            var log = task % 2 == 0 ? first : second;
            for (var i = 0; i < 15; i++)
            {
                await log.AppendAsync(id, [Event(EventKind.MessageSent, "org-a"), Event(EventKind.MessageReceived, "org-b")], Cancellation);
            }
        })));

        AssertGapFree(await ReadAllAsync(first, id), 1 + 20 * 15 * 2);
        Assert.Equal(300, first.Statistics.Rows);
        Assert.Equal(300, second.Statistics.Rows);
    }

    [Fact]
    public async Task Grouping_beats_one_commit_per_append()
    {
        const int n = 400;
        var id = await CreateExerciseAsync();
        await using var log = Database.CreateEventLog();

        var sequential = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            await log.AppendAsync(id, [Event(EventKind.InjectAcknowledged, "org-a")], Cancellation);
        }

        sequential.Stop();
        var afterSequential = log.Statistics;
        var grouped = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, n).Select(_ => log.AppendAsync(id, [Event(EventKind.InjectAcknowledged, "org-a")], Cancellation)));
        grouped.Stop();
        var groupedTransactions = log.Statistics.Transactions - afterSequential.Transactions;

        output.WriteLine(
            $"{Database.Options.Provider}: {n} appends one per transaction {sequential.ElapsedMilliseconds} ms ({n * 1000.0 / sequential.Elapsed.TotalMilliseconds:F0}/s); " +
            $"{n} concurrent grouped {grouped.ElapsedMilliseconds} ms in {groupedTransactions} transactions ({n * 1000.0 / grouped.Elapsed.TotalMilliseconds:F0}/s); " +
            $"ratio {sequential.Elapsed.TotalMilliseconds / grouped.Elapsed.TotalMilliseconds:F1}x");
        Assert.Equal(n, afterSequential.Transactions);
        Assert.True(groupedTransactions < n, $"concurrent appends were not grouped: {groupedTransactions} transactions");
        AssertGapFree(await ReadAllAsync(log, id), 1 + 2 * n);
    }

    [Fact]
    public async Task Disposing_commits_everything_queued_and_then_refuses()
    {
        var id = await CreateExerciseAsync();
        var log = Database.CreateEventLog();
        var pending = Enumerable.Range(0, 100).Select(_ => log.AppendAsync(id, [Event(EventKind.MessageSent, "org-a")], Cancellation)).ToArray();

        await log.DisposeAsync();

        // Every queued caller is answered; a hang here would be the bug, so it fails after a bound.
        var results = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        Assert.Equal(Enumerable.Range(2, 100).Select(i => (long)i), results.Select(r => Assert.Single(r).Seq).Order());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync(id, [Event(EventKind.MessageSent, "org-a")], Cancellation));
        await using var reopened = Database.CreateEventLog();
        AssertGapFree(await ReadAllAsync(reopened, id), 101);
    }
}

public sealed class SqliteConcurrencyTests(SqliteTestDatabase database, ITestOutputHelper output)
    : ConcurrencyTests<SqliteTestDatabase>(database, output);

public sealed class SqlServerConcurrencyTests(SqlServerTestDatabase database, ITestOutputHelper output)
    : ConcurrencyTests<SqlServerTestDatabase>(database, output);

public sealed class PostgreSqlConcurrencyTests(PostgreSqlTestDatabase database, ITestOutputHelper output)
    : ConcurrencyTests<PostgreSqlTestDatabase>(database, output);
