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
    IEventFeed feed, IEventLog log, IHubContext<ExerciseHub, IExerciseHubClient> hub, ILogger<RealtimeBridge> logger) : IHostedService
{
    private const int GapPageSize = 500;

    // Touched only by the feed's single delivery loop, so it needs no lock.
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
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

            await SendOneAsync(e);
        }
    }

    private async Task FillGapAsync(string exerciseId, long last, long next, CancellationToken cancellationToken)
    {
        LogGap(logger, exerciseId, last, next);
        while (last + 1 < next)
        {
            var page = await log.ReadAsync(exerciseId, last, (int)Math.Min(GapPageSize, next - last - 1), cancellationToken);
            if (page.Count == 0) return;
            foreach (var e in page) await SendOneAsync(e);
            last = page[^1].Seq;
        }
    }

    private async Task SendOneAsync(ExerciseEvent e)
    {
        _lastSeq[e.ExerciseId] = e.Seq;
        await hub.Clients.Groups(EventAudience.GroupsFor(e)).Event(LiveEvent.From(e));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime bridge missed events of exercise {ExerciseId} after {LastSeq} (next {NextSeq}); reading them from the log")]
    private static partial void LogGap(ILogger logger, string exerciseId, long lastSeq, long nextSeq);
}
