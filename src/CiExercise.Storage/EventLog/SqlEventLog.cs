using System.Diagnostics;
using System.Threading.Channels;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Storage.Dialects;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CiExercise.Storage.EventLog;

/// <summary>
/// The event log with group commit: every AppendAsync waits in one queue, and a single writer loop commits
/// everything pending in one transaction, then answers every caller. Durability costs one commit per group
/// instead of one per append (invariant 2).
/// </summary>
public sealed partial class SqlEventLog : IEventLog, IEventFeed, IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly EventAppender _appender;
    private readonly ILogger<SqlEventLog> _logger;
    private readonly int _maxRowsPerCommit;
    private readonly Channel<AppendRequest> _queue;
    private readonly Task _writer;
    private readonly EventFeed _feed;
    private readonly EventLogTelemetry _telemetry;
    private long _requests;
    private long _transactions;
    private long _rows;
    private long _failedRequests;
    private long _retriedGroups;

    internal SqlEventLog(SqlDialect dialect, StorageOptions options, ILogger<SqlEventLog> logger)
    {
        _dialect = dialect;
        _appender = new EventAppender(dialect);
        _logger = logger;
        _maxRowsPerCommit = Math.Max(1, options.MaxRowsPerCommit);
        _feed = new EventFeed(logger);
        // Bounded so that a burst larger than the database can absorb slows the callers down instead of
        // growing memory without limit.
        _queue = Channel.CreateBounded<AppendRequest>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _telemetry = new EventLogTelemetry(() => _queue.Reader.Count);
        // Without the creator's execution context: the writer serves every caller, so its commit spans are roots
        // rather than children of whatever request happened to build the log.
        using (ExecutionContext.SuppressFlow())
        {
            _writer = Task.Run(RunWriterAsync);
        }
    }

    public EventLogStatistics Statistics => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _transactions),
        Interlocked.Read(ref _rows),
        Interlocked.Read(ref _failedRequests),
        Interlocked.Read(ref _retriedGroups));

    public Task<IReadOnlyList<AppendResult>> AppendAsync(
        string exerciseId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
        EnqueueAsync(exerciseId, events, null, cancellationToken);

    public Task<IReadOnlyList<AppendResult>> AppendAsync(
        string exerciseId, IReadOnlyList<NewEvent> events, AppendCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return EnqueueAsync(exerciseId, events, condition, cancellationToken);
    }

    private async Task<IReadOnlyList<AppendResult>> EnqueueAsync(
        string exerciseId, IReadOnlyList<NewEvent> events, AppendCondition? condition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(exerciseId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        var request = new AppendRequest(exerciseId, events, condition, cancellationToken);
        var arrived = Stopwatch.GetTimestamp();
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(SqlEventLog), "The event log is shutting down; the append was not written.");
        }

        Interlocked.Increment(ref _requests);
        var results = await request.Task;
        _telemetry.Answered(Stopwatch.GetElapsedTime(arrived));
        return results;
    }

    public IDisposable Subscribe(Func<IReadOnlyList<ExerciseEvent>, CancellationToken, ValueTask> handler) =>
        _feed.Subscribe(handler);

    public Task<IReadOnlyList<ExerciseEvent>> ReadAsync(
        string exerciseId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryAsync(_dialect.Sql.EventReadAfter, new { ExerciseId = exerciseId, AfterSeq = afterSeq, Limit = limit }, cancellationToken);
    }

    public Task<IReadOnlyList<ExerciseEvent>> ReadVisibleAsync(
        string exerciseId, string organizationId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryAsync(
            _dialect.Sql.EventReadVisible, new { ExerciseId = exerciseId, OrgId = organizationId, AfterSeq = afterSeq, Limit = limit }, cancellationToken);
    }

    public Task<IReadOnlyList<ExerciseEvent>> ReadOrganizationAsync(
        string exerciseId, string organizationId, CancellationToken cancellationToken = default) =>
        QueryAsync(_dialect.Sql.EventReadOrganization, new { ExerciseId = exerciseId, OrgId = organizationId }, cancellationToken);

    public Task<IReadOnlyList<ExerciseEvent>> ReadExerciseLevelAsync(
        string exerciseId, CancellationToken cancellationToken = default) =>
        QueryAsync(_dialect.Sql.EventReadExerciseLevel, new { ExerciseId = exerciseId }, cancellationToken);

    public Task<IReadOnlyList<ExerciseEvent>> ReadClockAsync(string exerciseId, CancellationToken cancellationToken = default) =>
        QueryAsync(_dialect.Sql.EventReadClock, new { ExerciseId = exerciseId }, cancellationToken);

    public async Task<long> ReadLastSeqAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            _dialect.Sql.SequenceRead, new { ExerciseId = exerciseId }, cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>
    /// Stops taking appends, commits everything already queued and waits for it: after this no caller is
    /// left waiting. Safe to call more than once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_queue.Writer.TryComplete())
        {
            LogClosing(_logger, _queue.Reader.Count);
        }

        await _writer;
        _feed.Complete();
        _telemetry.Dispose();
    }

    private async Task<IReadOnlyList<ExerciseEvent>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToEvent()).ToList();
    }
}
