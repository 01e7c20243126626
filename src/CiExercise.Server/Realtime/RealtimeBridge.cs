using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Committed events to this node's consoles: each event becomes one LiveEvent and one send to all its
/// groups, so the message is serialized once per send, not once per console (ROADMAP "Load"). Events come
/// from <see cref="IEventFeed"/>; on a cluster another feed brings other nodes' commits here, and neither
/// grains nor the hub change. A jump in an exercise's sequence numbers (a group the feed dropped) is read
/// back from the log, so consoles never see a gap they could not explain.
/// </summary>
public sealed partial class RealtimeBridge(
    IEventFeed feed, IEventLog log, LiveEvents live, IHubContext<ExerciseHub, IExerciseHubClient> hub, RealtimeMetrics metrics,
    ILogger<RealtimeBridge> logger)
    : IHostedService
{
    private const int GapPageSize = 500;
    private const int MaxInFlight = 1000;

    // Touched only by the feed's single delivery loop, so it needs no lock.
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly Queue<Task> _inFlight = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(SendAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async ValueTask SendAsync(IReadOnlyList<ExerciseEvent> events, CancellationToken cancellationToken)
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

    private async Task FillGapAsync(string exerciseId, long last, long next, CancellationToken cancellationToken)
    {
        LogGap(logger, exerciseId, last, next);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime bridge missed events of exercise {ExerciseId} after {LastSeq} (next {NextSeq}); reading them from the log")]
    private static partial void LogGap(ILogger logger, string exerciseId, long lastSeq, long nextSeq);
}
