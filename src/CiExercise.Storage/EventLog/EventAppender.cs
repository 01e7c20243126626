using System.Data.Common;
using CiExercise.Contracts.Events;
using CiExercise.Storage.Dialects;
using Dapper;

namespace CiExercise.Storage.EventLog;

/// <summary>
/// Appends calls inside a transaction the caller owns. Per exercise it locks the sequence row once,
/// resolves dedupe keys, inserts each call's events with the next numbers and moves the counter once.
/// </summary>
internal sealed class EventAppender(SqlDialect dialect)
{
    public Task<AppendResult[][]> AppendAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<NewEvent> events,
        CancellationToken cancellationToken) =>
        AppendAsync(connection, transaction, [new AppendCall(exerciseId, events)], null, cancellationToken);

    /// <summary>
    /// Calls of one exercise must be adjacent (the writer sorts them); results are in call order. Inserted
    /// rows, when given, receives every row written (duplicates excluded), in sequence order per exercise.
    /// </summary>
    public async Task<AppendResult[][]> AppendAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AppendCall> calls, List<EventParameters>? inserted,
        CancellationToken cancellationToken)
    {
        var results = new AppendResult[calls.Count][];
        for (var start = 0; start < calls.Count;)
        {
            var end = start;
            while (end < calls.Count && calls[end].ExerciseId == calls[start].ExerciseId)
            {
                end++;
            }

            await AppendToExerciseAsync(connection, transaction, calls, start, end, results, inserted, cancellationToken);
            start = end;
        }

        return results;
    }

    private async Task AppendToExerciseAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AppendCall> calls, int start, int end,
        AppendResult[][] results, List<EventParameters>? inserted, CancellationToken cancellationToken)
    {
        var sql = dialect.Sql;
        var exerciseId = calls[start].ExerciseId;
        var firstSeq = await connection.ExecuteScalarAsync<long?>(
                new CommandDefinition(sql.SequenceLock, new { ExerciseId = exerciseId }, transaction, cancellationToken: cancellationToken))
            ?? throw new ExerciseNotFoundException(exerciseId);
        var lastSeq = firstSeq;
        // Keys decided earlier in this group: saves a query, and covers rows not inserted yet.
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var call = start; call < end; call++)
        {
            var events = calls[call].Events;
            var callResults = new AppendResult[events.Count];
            var rows = new List<EventParameters>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (e.DedupeKey is { } key)
                {
                    var existing = keys.TryGetValue(key, out var seen) ? seen : await FindAsync(connection, transaction, exerciseId, key, cancellationToken);
                    if (existing is { } seq)
                    {
                        keys[key] = seq;
                        callResults[i] = new AppendResult(seq, Duplicate: true);
                        continue;
                    }

                    keys[key] = lastSeq + 1;
                }

                lastSeq++;
                rows.Add(EventParameters.From(exerciseId, lastSeq, e, dialect));
                callResults[i] = new AppendResult(lastSeq, Duplicate: false);
            }

            if (rows.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(sql.EventInsert, rows, transaction, cancellationToken: cancellationToken));
                inserted?.AddRange(rows);
            }

            results[call] = callResults;
        }

        if (lastSeq != firstSeq)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.SequenceUpdate, new { ExerciseId = exerciseId, LastSeq = lastSeq }, transaction, cancellationToken: cancellationToken));
        }
    }

    private Task<long?> FindAsync(DbConnection connection, DbTransaction transaction, string exerciseId, string key, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            dialect.Sql.EventFindDedupe, new { ExerciseId = exerciseId, DedupeKey = key }, transaction, cancellationToken: cancellationToken));
}

internal sealed record AppendCall(string ExerciseId, IReadOnlyList<NewEvent> Events);
