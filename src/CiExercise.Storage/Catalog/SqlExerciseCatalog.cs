using System.Data.Common;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Storage.Dialects;
using CiExercise.Storage.EventLog;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CiExercise.Storage.Catalog;

/// <summary>
/// The exercises table. Creation writes the exercise, its sequence counter and its first event in one
/// transaction of its own: no append can race it, because appends need the counter row it creates.
/// </summary>
public sealed partial class SqlExerciseCatalog : IExerciseCatalog
{
    private readonly SqlDialect _dialect;
    private readonly EventAppender _appender;
    private readonly ILogger<SqlExerciseCatalog> _logger;

    internal SqlExerciseCatalog(SqlDialect dialect, ILogger<SqlExerciseCatalog> logger)
    {
        _dialect = dialect;
        _appender = new EventAppender(dialect);
        _logger = logger;
    }

    public async Task CreateAsync(ExerciseRecord exercise, NewEvent created, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentException.ThrowIfNullOrEmpty(exercise.Id);
        ArgumentNullException.ThrowIfNull(created);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        await InsertExerciseAsync(connection, transaction, exercise, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            _dialect.Sql.SequenceInsert, new { ExerciseId = exercise.Id, LastSeq = 0L }, transaction, cancellationToken: cancellationToken));
        await _appender.AppendAsync(connection, transaction, exercise.Id, [created], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogCreated(_logger, exercise.Id, exercise.ScenarioId);
    }

    /// <summary>
    /// One write transaction for the catalog row, every event and the sequence counter: an error in any batch (a gap,
    /// a value too long for a column) rolls all of it back. The events keep the seqs, wall and scenario times they
    /// were recorded with on the exporting server; the counter is set to the last seq.
    /// </summary>
    public async Task ImportAsync(ExerciseRecord exercise, IAsyncEnumerable<IReadOnlyList<ExerciseEvent>> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentException.ThrowIfNullOrEmpty(exercise.Id);
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        await InsertExerciseAsync(connection, transaction, exercise with { ReadOnly = true }, cancellationToken);
        var lastSeq = 0L;
        await foreach (var batch in events.WithCancellation(cancellationToken))
        {
            var rows = new List<EventParameters>(batch.Count);
            foreach (var e in batch)
            {
                if (e.Seq != lastSeq + 1)
                    throw new ArgumentException($"Event seq {e.Seq} follows seq {lastSeq}: an imported log must be 1..N without gaps.", nameof(events));
                lastSeq = e.Seq;
                rows.Add(EventParameters.From(exercise.Id, e, _dialect));
            }

            if (rows.Count > 0) await _dialect.InsertEventsAsync(connection, transaction, exercise.Id, rows, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            _dialect.Sql.SequenceInsert, new { ExerciseId = exercise.Id, LastSeq = lastSeq }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        LogImported(_logger, exercise.Id, exercise.ScenarioId, lastSeq);
    }

    private async Task InsertExerciseAsync(DbConnection connection, DbTransaction transaction, ExerciseRecord exercise, CancellationToken cancellationToken)
    {
        int inserted;
        try
        {
            inserted = await connection.ExecuteAsync(new CommandDefinition(_dialect.Sql.ExerciseInsert, new
            {
                exercise.Id,
                exercise.Name,
                exercise.ScenarioId,
                exercise.ScenarioJson,
                CreatedAt = _dialect.ToDbTime(exercise.CreatedAt),
                exercise.ReadOnly,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException error) when (_dialect.IsDuplicateKey(error))
        {
            // Two nodes creating the same id at once: the loser hits the primary key.
            throw new ExerciseAlreadyExistsException(exercise.Id);
        }

        if (inserted == 0)
        {
            throw new ExerciseAlreadyExistsException(exercise.Id);
        }
    }

    public async Task<ExerciseRecord?> GetAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExerciseRow>(
            new CommandDefinition(_dialect.Sql.ExerciseGet, new { Id = exerciseId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ExerciseRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExerciseRow>(new CommandDefinition(_dialect.Sql.ExerciseList, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<string>> ListRunningAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            _dialect.Sql.ExerciseListRunning, cancellationToken: cancellationToken));
        return ids.ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created exercise {ExerciseId} from scenario {ScenarioId}")]
    private static partial void LogCreated(ILogger logger, string exerciseId, string scenarioId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported exercise {ExerciseId} from scenario {ScenarioId} with {LastSeq} events, read-only")]
    private static partial void LogImported(ILogger logger, string exerciseId, string scenarioId, long lastSeq);
}
