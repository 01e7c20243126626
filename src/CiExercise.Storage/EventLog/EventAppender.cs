using System.Data.Common;
using CiExercise.Contracts.Events;
using CiExercise.Storage.Dialects;
using Dapper;

namespace CiExercise.Storage.EventLog;

/// <summary>
/// Appends calls inside a transaction the caller owns. Per exercise, whatever the number of calls and
/// rows: lock the sequence row, resolve every dedupe key of the group in one statement, insert the new
/// rows (the dialect's fastest way: SQL Server one statement, SQLite one prepared INSERT run per row),
/// move the counter once. An all-hands inject (851 keyed rows) used to be 851 lookups and 851 inserts.
/// </summary>
internal sealed class EventAppender(SqlDialect dialect)
{
    public Task<CallOutcome[]> AppendAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<NewEvent> events,
        CancellationToken cancellationToken) =>
        AppendAsync(connection, transaction, [new AppendCall(exerciseId, events)], null, cancellationToken);

    /// <summary>
    /// Calls of one exercise must be adjacent (the writer sorts them); results are in call order. Inserted
    /// rows, when given, receives every row written (duplicates excluded), in sequence order per exercise. A
    /// call whose condition does not hold writes nothing and reserves no key; the other calls go on without it.
    /// </summary>
    public async Task<CallOutcome[]> AppendAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AppendCall> calls, List<EventParameters>? inserted,
        CancellationToken cancellationToken)
    {
        var results = new CallOutcome[calls.Count];
        for (var start = 0; start < calls.Count;)
        {
            var end = start;
            while (end < calls.Count && calls[end].ExerciseId == calls[start].ExerciseId)
            {
                end++;
            }

            var rows = await AppendToExerciseAsync(connection, transaction, calls, start, end, results, cancellationToken);
            inserted?.AddRange(rows);
            start = end;
        }

        return results;
    }

    private async Task<List<EventParameters>> AppendToExerciseAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AppendCall> calls, int start, int end,
        CallOutcome[] results, CancellationToken cancellationToken)
    {
        var sql = dialect.Sql;
        var exerciseId = calls[start].ExerciseId;
        var firstSeq = await connection.ExecuteScalarAsync<long?>(
                new CommandDefinition(sql.SequenceLock, new { ExerciseId = exerciseId }, transaction, cancellationToken: cancellationToken))
            ?? throw new ExerciseNotFoundException(exerciseId);
        // Read under the sequence lock, so no other writer can add a key between this read and the insert.
        var keys = await FindExistingAsync(connection, transaction, exerciseId, calls, start, end, cancellationToken);
        var lastSeq = firstSeq;
        var rows = new List<EventParameters>();
        // The latest play kind among this group's rows so far: newer than anything stored, not inserted yet.
        EventKind? pendingPlay = null;
        // Stored rows do not change under the lock: one read per snapshot seq, however many calls carry it.
        var storedPlay = new Dictionary<long, EventKind?>();
        for (var call = start; call < end; call++)
        {
            var events = calls[call].Events;
            if (calls[call].Condition is { } condition)
            {
                if (pendingPlay is null && !storedPlay.ContainsKey(condition.InPlayAsOfSeq))
                    storedPlay[condition.InPlayAsOfSeq] = await LatestPlayKindAsync(connection, transaction, exerciseId, condition, cancellationToken);
                var latest = pendingPlay ?? storedPlay[condition.InPlayAsOfSeq];
                if (AppendCondition.Refuses(latest))
                {
                    results[call] = new CallOutcome(null, latest);
                    continue;
                }
            }

            var callResults = new AppendResult[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (e.DedupeKey is { } key)
                {
                    // Stored before, or earlier in this group (a row not inserted yet): the first one's seq.
                    if (keys.TryGetValue(key, out var seq))
                    {
                        callResults[i] = new AppendResult(seq, Duplicate: true);
                        continue;
                    }

                    keys[key] = lastSeq + 1;
                }

                lastSeq++;
                rows.Add(EventParameters.From(exerciseId, lastSeq, e, dialect));
                if (e.OrganizationId is null && AppendCondition.PlayKinds.Contains(e.Kind)) pendingPlay = e.Kind;
                callResults[i] = new AppendResult(lastSeq, Duplicate: false);
            }

            results[call] = new CallOutcome(callResults, null);
        }

        if (rows.Count > 0)
        {
            await dialect.InsertEventsAsync(connection, transaction, exerciseId, rows, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                sql.SequenceUpdate, new { ExerciseId = exerciseId, LastSeq = lastSeq }, transaction, cancellationToken: cancellationToken));
        }

        return rows;
    }

    /// <summary>The latest stored play kind after the condition's snapshot, read under the sequence lock.</summary>
    private async Task<EventKind?> LatestPlayKindAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, AppendCondition condition, CancellationToken cancellationToken)
    {
        var kind = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            dialect.Sql.EventPlayLatest, new { ExerciseId = exerciseId, AfterSeq = condition.InPlayAsOfSeq }, transaction,
            cancellationToken: cancellationToken));
        return kind is null ? null : Enum.Parse<EventKind>(kind);
    }

    private async Task<Dictionary<string, long>> FindExistingAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<AppendCall> calls, int start, int end,
        CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        for (var call = start; call < end; call++)
        {
            foreach (var e in calls[call].Events)
            {
                if (e.DedupeKey is { } key) wanted.Add(key);
            }
        }

        var found = new Dictionary<string, long>(wanted.Count, StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        var existing = await connection.QueryAsync<(string DedupeKey, long Seq)>(new CommandDefinition(
            dialect.Sql.EventFindDedupeMany, new { ExerciseId = exerciseId, Keys = GroupJson.Keys(wanted) }, transaction, cancellationToken: cancellationToken));
        foreach (var (key, seq) in existing)
        {
            found[key] = seq;
        }

        return found;
    }
}

internal sealed record AppendCall(string ExerciseId, IReadOnlyList<NewEvent> Events, AppendCondition? Condition = null);

/// <summary>One call's results in input order, or, when its condition did not hold, the kind that refused it.</summary>
internal readonly record struct CallOutcome(AppendResult[]? Results, EventKind? RefusedBy);
