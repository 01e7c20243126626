using CiExercise.Cli.Load.Consoles;
using CiExercise.Contracts.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>
/// Plays a <see cref="BareSchedule"/>. Events recorded before STARTEX are history, sent to each console as it
/// subscribes (the product replays them); the others are sent at their instant, one send per event to its
/// groups, all of an instant's sends together.
/// </summary>
public sealed class BarePlayer(IHubContext<BareHub> hub, IHostApplicationLifetime lifetime)
{
    /// <summary>Between the start being asked and STARTEX: time to answer the run, which times the storm from it.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(1);

    private volatile BareSchedule? _schedule;
    private volatile LoadEvent[] _history = [];
    private (TimeSpan Offset, (IReadOnlyList<string> Groups, LoadEvent Event)[] Sends)[] _instants = [];

    public int ActionBytes(EventKind kind) => _schedule?.ActionBytes.GetValueOrDefault(kind) ?? 0;

    public IReadOnlyList<LoadEvent> History => _history;

    /// <summary>Makes every event of the schedule beforehand, so that at each instant the hub only sends.</summary>
    public void Prepare(BareSchedule schedule)
    {
        _schedule = schedule;
        _history = schedule.Sends.Where(s => s.Offset < TimeSpan.Zero).OrderBy(s => s.Offset).Select(Make).ToArray();
        _instants = schedule.Sends.Where(s => s.Offset >= TimeSpan.Zero).GroupBy(s => s.Offset).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Select(s => (s.Groups, Make(s))).ToArray()))
            .ToArray();
    }

    /// <summary>STARTEX just ahead: plays the schedule from it, and returns it.</summary>
    public DateTimeOffset Start()
    {
        var start = DateTimeOffset.UtcNow + Lead;
        var instants = _instants.Select(i => (Due: start + i.Offset, Sends: i.Sends.Select(s => (s.Groups, Event: s.Event with { WallTime = start + i.Offset })).ToArray())).ToArray();
        _ = Task.Run(() => PlayAsync(instants, lifetime.ApplicationStopping));
        return start;
    }

    /// <summary>ExerciseEnded to every console, as the product sends it when the control cell ends the exercise.</summary>
    public Task EndAsync(CancellationToken cancellationToken)
    {
        var ended = BareEvents.Make(EventKind.ExerciseEnded, DateTimeOffset.UtcNow, null, null, EndPayload, ActionBytes(EventKind.ExerciseEnded));
        return hub.Clients.Group(BareGroups.Players).SendAsync("Event", ended, cancellationToken);
    }

    private static readonly System.Text.Json.JsonElement EndPayload = System.Text.Json.JsonSerializer.SerializeToElement(new { speed = 1 });

    private static LoadEvent Make(BareSend s) => BareEvents.Make(s.Kind, default, s.OrganizationId, s.InjectId, s.Payload, s.Bytes);

    private async Task PlayAsync((DateTimeOffset Due, (IReadOnlyList<string> Groups, LoadEvent Event)[] Sends)[] instants, CancellationToken stopping)
    {
        // Bounded: one pass over a finite schedule, each wait ending at an instant of it or at shutdown.
        foreach (var (due, sends) in instants)
        {
            var wait = due - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stopping);
            await Task.WhenAll(sends.Select(s => hub.Clients.Groups(s.Groups).SendAsync("Event", s.Event, stopping)));
        }
    }
}
