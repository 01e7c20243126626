using System.Data.Common;
using CiExercise.Contracts.Events;
using CiExercise.Storage.Dialects;
using CiExercise.Storage.EventLog;
using Dapper;

namespace CiExercise.Benchmarks;

/// <summary>
/// The appender as it was before issue 6, kept only as the baseline the batched one is measured
/// against: one SELECT per dedupe key and one INSERT per row, under the same sequence lock.
/// </summary>
internal sealed class RowByRowAppender(SqlDialect dialect)
{
    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<IReadOnlyList<NewEvent>> calls)
    {
        var sql = dialect.Sql;
        var firstSeq = await connection.ExecuteScalarAsync<long>(sql.SequenceLock, new { ExerciseId = exerciseId }, transaction);
        var lastSeq = firstSeq;
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var events in calls)
        {
            var rows = new List<EventParameters>(events.Count);
            foreach (var e in events)
            {
                if (e.DedupeKey is { } key)
                {
                    var existing = keys.TryGetValue(key, out var seen)
                        ? seen
                        : await connection.ExecuteScalarAsync<long?>(sql.EventFindDedupe, new { ExerciseId = exerciseId, DedupeKey = key }, transaction);
                    if (existing is { } seq)
                    {
                        keys[key] = seq;
                        continue;
                    }

                    keys[key] = lastSeq + 1;
                }

                lastSeq++;
                rows.Add(EventParameters.From(exerciseId, lastSeq, e, dialect));
            }

            if (rows.Count > 0)
            {
                await connection.ExecuteAsync(sql.EventInsert, rows, transaction);
            }
        }

        await connection.ExecuteAsync(sql.SequenceUpdate, new { ExerciseId = exerciseId, LastSeq = lastSeq }, transaction);
    }
}
