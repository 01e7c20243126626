using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Cluster;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Committed events to this node's consoles: each event becomes one LiveEvent and one send to all its
/// groups, so the message is serialized once per send, not once per console (ROADMAP "Load"). Events come
/// from <see cref="IEventFeed"/> (this node's commits) and, on a cluster, from the log itself (other nodes'
/// commits, see RealtimeBridge.Remote.cs); grains do not change. A jump in an exercise's sequence numbers (a group
/// the feed dropped) is read back from the log, so consoles never see a gap they could not explain. A dropped group
/// that is the last one has nothing after it to reveal the gap, so every few seconds the bridge also compares the
/// exercises it served lately with the log's last seq (see CheckTailsAsync).
/// </summary>
public sealed partial class RealtimeBridge(
    IEventFeed feed, IEventLog log, LiveEvents live, IHubContext<ExerciseHub, IExerciseHubClient> hub, RealtimeMetrics metrics,
    ClusterSettings cluster, TimeProvider time, ILogger<RealtimeBridge> logger)
    : IHostedService
{
    private const int GapPageSize = 500;
    private const int MaxInFlight = 1000;

    /// <summary>How often the tails of the exercises served lately are compared with the log.</summary>
    public static readonly TimeSpan TailCheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>An exercise is checked while it had an event in this window; a quiet one drops nothing.</summary>
    private static readonly TimeSpan TailCheckWindow = TimeSpan.FromMinutes(10);

    private const int MaxTailChecks = 100;

    // The feed's delivery loop and the tail check take turns on these.
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _heardAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _seenInLog = new(StringComparer.Ordinal);
    private readonly Queue<Task> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private Task _tailChecks = Task.CompletedTask;
    private Task _remoteCommits = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(SendAsync);
        _tailChecks = CheckTailsAsync(_stopping.Token);
        if (cluster.Enabled) _remoteCommits = TailRemoteCommitsAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stopping.CancelAsync();
        await Task.WhenAll(_tailChecks, _remoteCommits).WaitAsync(cancellationToken);
    }

    private async ValueTask SendAsync(IReadOnlyList<ExerciseEvent> events, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            foreach (var e in events)
            {
                if (_lastSeq.TryGetValue(e.ExerciseId, out var last))
                {
                    if (e.Seq <= last) continue;
                    if (e.Seq > last + 1) await FillGapAsync(e.ExerciseId, last, e.Seq, cancellationToken);
                }

                await SendOneAsync(e, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Every <see cref="TailCheckInterval"/>, for the exercises served in the last <see cref="TailCheckWindow"/>
    /// (at most <see cref="MaxTailChecks"/>, the latest heard first): what the log held at the previous check and
    /// the feed has still not brought is read from the log. Waiting one interval keeps the feed's ordinary lag
    /// from costing reads; a dropped last group reaches the consoles within two intervals.
    /// </summary>
    private async Task CheckTailsAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TailCheckInterval, time, stopping);
                foreach (var exerciseId in await RecentlyServedAsync(stopping))
                {
                    var inLog = await log.ReadLastSeqAsync(exerciseId, stopping);
                    await _turn.WaitAsync(stopping);
                    try
                    {
                        var previously = _seenInLog.GetValueOrDefault(exerciseId);
                        _seenInLog[exerciseId] = inLog;
                        var last = _lastSeq[exerciseId];
                        if (previously > last) await FillGapAsync(exerciseId, last, previously + 1, stopping);
                    }
                    finally
                    {
                        _turn.Release();
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogTailCheckFailed(logger, error);
            }
        }
    }

    private async Task<string[]> RecentlyServedAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var since = time.GetUtcNow() - TailCheckWindow;
            return _heardAt.Where(x => x.Value >= since).OrderByDescending(x => x.Value).Take(MaxTailChecks).Select(x => x.Key).ToArray();
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task FillGapAsync(string exerciseId, long last, long next, CancellationToken cancellationToken)
    {
        LogGap(logger, exerciseId, last, next);
        await SendFromLogAsync(exerciseId, last, next, cancellationToken);
    }

    /// <summary>The events after <paramref name="last"/> and before <paramref name="next"/>, read from the log page by page and sent.</summary>
    private async Task SendFromLogAsync(string exerciseId, long last, long next, CancellationToken cancellationToken)
    {
        while (last + 1 < next)
        {
            var page = await log.ReadAsync(exerciseId, last, (int)Math.Min(GapPageSize, next - last - 1), cancellationToken);
            if (page.Count == 0) return;
            foreach (var e in page) await SendOneAsync(e, cancellationToken);
            last = page[^1].Seq;
        }
    }

    /// <summary>
    /// The default lifetime manager writes to each connection of the groups and its task waits for every
    /// write that did not complete at once: a console whose output is full (a slow network, or a stateful-reconnect
    /// buffer waiting for acks) would hold this loop and so every console of the node. So sends are not awaited
    /// one by one. Order per connection still holds: the manager calls each connection's write before it returns,
    /// and a connection's writes queue first come, first served behind its write lock. At most MaxInFlight sends
    /// stay pending; past that the bridge waits for the oldest, so a console stuck for good costs bounded memory
    /// until SignalR drops it.
    /// </summary>
    private async Task SendOneAsync(ExerciseEvent e, CancellationToken cancellationToken)
    {
        _lastSeq[e.ExerciseId] = e.Seq;
        _heardAt[e.ExerciseId] = time.GetUtcNow();
        var message = await live.CreateAsync(e, cancellationToken);
        _inFlight.Enqueue(ObserveAsync(hub.Clients.Groups(EventAudience.GroupsFor(e)).Event(message), e));
        metrics.Sent();
        while (_inFlight.TryPeek(out var oldest) && oldest.IsCompleted) _ = _inFlight.Dequeue();
        if (_inFlight.Count >= MaxInFlight) await _inFlight.Dequeue();
    }

    private async Task ObserveAsync(Task send, ExerciseEvent e)
    {
        try
        {
            await send;
        }
        catch (Exception error)
        {
            // A failed write aborts only its connection, which re-subscribes after its last seq on reconnect.
            LogSendFailed(logger, error, e.ExerciseId, e.Seq);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime bridge could not send event {Seq} of exercise {ExerciseId}")]
    private static partial void LogSendFailed(ILogger logger, Exception error, string exerciseId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime bridge could not compare the exercises it serves with the log; trying again at the next check")]
    private static partial void LogTailCheckFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime bridge missed events of exercise {ExerciseId} after {LastSeq} (next {NextSeq}); reading them from the log")]
    private static partial void LogGap(ILogger logger, string exerciseId, long lastSeq, long nextSeq);
}
