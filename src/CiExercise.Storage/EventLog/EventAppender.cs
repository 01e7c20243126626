using System.Data.Common;
using CiExercise.Contracts.Events;
using CiExercise.Storage.Dialects;
using Dapper;

namespace CiExercise.Storage.EventLog;

/// <summary>
/// Appends one call's events inside a transaction the caller owns: locks the exercise's sequence row,
/// resolves dedupe keys, inserts the rest with the next numbers and moves the counter.
/// </summary>
internal sealed class EventAppender(SqlDialect dialect)
{
    public async Task<Appended> AppendAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<NewEvent> events,
        CancellationToken cancellationToken)
    {
        var sql = dialect.Sql;
        var exercise = new { ExerciseId = exerciseId };
        var lastSeq = await connection.ExecuteScalarAsync<long?>(
                new CommandDefinition(sql.SequenceLock, exercise, transaction, cancellationToken: cancellationToken))
            ?? throw new ExerciseNotFoundException(exerciseId);

        var results = new AppendResult[events.Count];
        var rows = new List<EventParameters>(events.Count);
        // Keys decided earlier in this call: the database cannot see them until they are inserted below.
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.DedupeKey is { } key)
            {
                var existing = keys.TryGetValue(key, out var seen) ? seen : await FindAsync(connection, transaction, exerciseId, key, cancellationToken);
                if (existing is { } seq)
                {
                    results[i] = new AppendResult(seq, Duplicate: true);
                    continue;
                }

                keys[key] = lastSeq + 1;
            }

            lastSeq++;
            rows.Add(EventParameters.From(exerciseId, lastSeq, e, dialect));
            results[i] = new AppendResult(lastSeq, Duplicate: false);
        }

        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql.EventInsert, rows, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                sql.SequenceUpdate, new { ExerciseId = exerciseId, LastSeq = lastSeq }, transaction, cancellationToken: cancellationToken));
        }

        return new Appended(results, rows.Count);
    }

    private Task<long?> FindAsync(DbConnection connection, DbTransaction transaction, string exerciseId, string key, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            dialect.Sql.EventFindDedupe, new { ExerciseId = exerciseId, DedupeKey = key }, transaction, cancellationToken: cancellationToken));
}

internal readonly record struct Appended(AppendResult[] Results, int RowsInserted);
