using System.Data.Common;
using System.Diagnostics;
using CiExercise.Contracts.Events;
using CiExercise.Storage.Dialects;
using CiExercise.Storage.EventLog;
using Dapper;

namespace CiExercise.Storage.Ceiling;

/// <summary>
/// The raw insert ceiling of the configured store, for the load generator to set durable actions per
/// second against ("durable actions/s vs raw ceiling", issue 6). Rows are shaped like participants'
/// decisions (payload, dedupe key, actor) and are written to a scratch database of the same provider
/// and schema, never to the record: SQLite, a temporary file beside the real one opened exactly as the
/// server opens its own (WAL, synchronous=FULL), deleted afterwards; SQL Server, the configured database
/// (the schema must be applied) under scratch exercise ids whose rows are deleted afterwards.
/// </summary>
public static class StorageCeiling
{
    public const int MaxRows = 1_000_000;
    public const int MaxRowsPerTransaction = 100_000;

    /// <summary>
    /// Writes <paramref name="rows"/> rows twice, in transactions of <paramref name="rowsPerTransaction"/>
    /// rows (default: the log's own MaxRowsPerCommit): once with one parameterized INSERT per row, once
    /// through the event log's batched appender, one append call per row as participants make them, one
    /// transaction of each in turn. Row generation is outside the timed part. Takes a few seconds for the default 20,000 rows on SQLite.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows is outside 1–1,000,000 or rowsPerTransaction outside 1–100,000.</exception>
    public static async Task<StorageCeilingResult> MeasureAsync(
        StorageOptions options, int rows = 20_000, int? rowsPerTransaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perTransaction = rowsPerTransaction ?? options.MaxRowsPerCommit;
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(perTransaction, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perTransaction, MaxRowsPerTransaction);

        await using var scratch = await ScratchDatabase.CreateAsync(options, cancellationToken);
        var dialect = scratch.Dialect;
        var appender = new EventAppender(dialect);
        // Two exercises: raw inserts number their rows themselves (seq 1 is the creation) and leave the
        // sequence row alone, which the appender's exercise needs.
        var rawExercise = await scratch.CreateExerciseAsync(cancellationToken);
        var batchedExercise = await scratch.CreateExerciseAsync(cancellationToken);
        var raw = Decisions(rows).Select((e, i) => EventParameters.From(rawExercise, i + 2, e, dialect)).Chunk(perTransaction).ToList();
        var batched = Decisions(rows).Select(e => new AppendCall(batchedExercise, [e])).Chunk(perTransaction).ToList();

        // Transaction by transaction in turn, so that a drift in the machine's load or the files' growth
        // weighs on both the same.
        var rawTime = TimeSpan.Zero;
        var batchedTime = TimeSpan.Zero;
        for (var i = 0; i < raw.Count; i++)
        {
            rawTime += await TimedTransactionAsync(dialect, (connection, transaction) =>
                connection.ExecuteAsync(new CommandDefinition(dialect.Sql.EventInsert, raw[i], transaction, cancellationToken: cancellationToken)), cancellationToken);
            batchedTime += await TimedTransactionAsync(dialect, (connection, transaction) =>
                appender.AppendAsync(connection, transaction, batched[i], null, cancellationToken), cancellationToken);
        }

        return new StorageCeilingResult(options.Provider, rows, perTransaction, rows / rawTime.TotalSeconds, rows / batchedTime.TotalSeconds);
    }

    private static async Task<TimeSpan> TimedTransactionAsync(
        SqlDialect dialect, Func<DbConnection, DbTransaction, Task> write, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return clock.Elapsed;
    }

    private static IEnumerable<NewEvent> Decisions(int rows)
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, rows).Select(i => SampleEvents.Decision(i, 850, now));
    }
}
