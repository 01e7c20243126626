using System.Diagnostics;
using CiExercise.Contracts.Events;
using Microsoft.Extensions.Logging;

namespace CiExercise.Storage.EventLog;

public sealed partial class SqlEventLog
{
    private async Task RunWriterAsync()
    {
        var group = new List<AppendRequest>();
        // Ends only when the queue is completed and drained, so DisposeAsync answers every queued caller.
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var rows = 0;
            while (rows < _maxRowsPerCommit && _queue.Reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Cancel();
                    continue;
                }

                group.Add(request);
                rows += request.Events.Count;
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group, rows);
            }
        }
    }

    private async Task CommitGroupAsync(List<AppendRequest> group, int rows)
    {
        // Sorted by exercise (stable, so one exercise's calls keep their order): every node then locks
        // sequence rows in the same order, which rules out deadlock cycles between nodes.
        var ordered = group.OrderBy(request => request.ExerciseId, StringComparer.Ordinal).ToList();
        using var span = EventLogTelemetry.StartCommit(ordered.Count, rows);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = await WriteTransactionAsync(ordered);
            _telemetry.Committed(ordered.Count, rows, Stopwatch.GetElapsedTime(started));
            for (var i = 0; i < ordered.Count; i++)
            {
                Answer(ordered[i], results[i]);
            }
        }
        catch (Exception error) when (ordered.Count > 1)
        {
            // One bad call must fail only itself: redo the group one call per transaction.
            span?.SetStatus(ActivityStatusCode.Error, "the group failed; its appends are retried one by one");
            Interlocked.Increment(ref _retriedGroups);
            LogGroupRetry(_logger, error, ordered.Count, rows);
            foreach (var request in ordered)
            {
                await CommitAloneAsync(request);
            }
        }
        catch (Exception error)
        {
            span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            Fail(ordered[0], error);
        }
    }

    private async Task CommitAloneAsync(AppendRequest request)
    {
        try
        {
            var results = await WriteTransactionAsync([request]);
            Answer(request, results[0]);
        }
        catch (Exception error)
        {
            Fail(request, error);
        }
    }

    private void Answer(AppendRequest request, CallOutcome outcome)
    {
        if (outcome.Results is { } results)
        {
            request.Succeed(results);
            return;
        }

        LogAppendRefused(_logger, request.ExerciseId, request.Events.Count, outcome.RefusedBy);
        request.Fail(new AppendRefusedException(request.ExerciseId, outcome.RefusedBy!.Value));
    }

    private void Fail(AppendRequest request, Exception error)
    {
        Interlocked.Increment(ref _failedRequests);
        LogAppendFailed(_logger, error, request.ExerciseId, request.Events.Count);
        request.Fail(error);
    }

    private async Task<CallOutcome[]> WriteTransactionAsync(IReadOnlyList<AppendRequest> requests)
    {
        // No caller's token here: a group mixes callers, and one caller giving up must not abort the
        // others' commit. Callers' tokens are honoured while they wait in the queue.
        var cancellationToken = CancellationToken.None;
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var calls = requests.Select(request => new AppendCall(request.ExerciseId, request.Events, request.Condition)).ToList();
        var inserted = new List<EventParameters>();
        var results = await _appender.AppendAsync(connection, transaction, calls, inserted, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _rows, inserted.Count);
        // After the commit and before any caller is answered: a console never hears of an action from its
        // receipt before the event itself is on its way. The writer loop alone publishes, so in commit order.
        _feed.Publish(inserted.ConvertAll(row => row.ToEvent()));
        return results;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Requests} appends ({Rows} rows) failed; retrying each append alone")]
    private static partial void LogGroupRetry(ILogger logger, Exception error, int requests, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append of {Rows} events to exercise {ExerciseId} failed and was not written")]
    private static partial void LogAppendFailed(ILogger logger, Exception error, string exerciseId, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Append of {Rows} events to exercise {ExerciseId} refused: the exercise left play ({StoppedBy}) before it was ordered")]
    private static partial void LogAppendRefused(ILogger logger, string exerciseId, int rows, EventKind? stoppedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event log closing; committing {Pending} queued appends")]
    private static partial void LogClosing(ILogger logger, int pending);
}
