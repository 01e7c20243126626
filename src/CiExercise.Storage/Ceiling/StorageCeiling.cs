using System.Diagnostics;
using CiExercise.Contracts.Events;
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
    /// through the event log's batched appender, one append call per row as participants make them.
    /// Row generation is outside the timed part. Takes a few seconds for the default 20,000 rows on SQLite.
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
        var raw = await MeasureRawAsync(scratch, rows, perTransaction, cancellationToken);
        var batched = await MeasureBatchedAsync(scratch, rows, perTransaction, cancellationToken);
        return new StorageCeilingResult(options.Provider, rows, perTransaction, raw, batched);
    }

    private static async Task<double> MeasureRawAsync(ScratchDatabase scratch, int rows, int perTransaction, CancellationToken cancellationToken)
    {
        var exerciseId = await scratch.CreateExerciseAsync(cancellationToken);
        var dialect = scratch.Dialect;
        // Seq 1 is the scratch exercise's creation.
        var parameters = Decisions(rows).Select((e, i) => EventParameters.From(exerciseId, i + 2, e, dialect)).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in parameters.Chunk(perTransaction))
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(dialect.Sql.EventInsert, chunk, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> MeasureBatchedAsync(ScratchDatabase scratch, int rows, int perTransaction, CancellationToken cancellationToken)
    {
        var exerciseId = await scratch.CreateExerciseAsync(cancellationToken);
        var dialect = scratch.Dialect;
        var appender = new EventAppender(dialect);
        var calls = Decisions(rows).Select(e => new AppendCall(exerciseId, [e])).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in calls.Chunk(perTransaction))
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
            await appender.AppendAsync(connection, transaction, chunk, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static IEnumerable<NewEvent> Decisions(int rows)
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, rows).Select(i => SampleEvents.Decision(i, 850, now));
    }
}
