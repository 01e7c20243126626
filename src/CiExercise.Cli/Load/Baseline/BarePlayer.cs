using Microsoft.Extensions.Hosting;
using CiExercise.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>Plays a <see cref="BareSchedule"/>: at each instant, one send per event to its groups, all of an instant's sends together.</summary>
public sealed class BarePlayer(IHubContext<BareHub> hub, IHostApplicationLifetime lifetime)
{
    private volatile BareSchedule? _schedule;

    public int ActionBytes(EventKind kind) => _schedule?.ActionBytes.GetValueOrDefault(kind) ?? 0;

    public void Play(BareSchedule schedule)
    {
        _schedule = schedule;
        _ = Task.Run(() => PlayAsync(schedule, lifetime.ApplicationStopping));
    }

    private async Task PlayAsync(BareSchedule schedule, CancellationToken stopping)
    {
        // The events are made before STARTEX, so that at each instant the hub only sends.
        var instants = schedule.Sends.GroupBy(s => s.Offset).OrderBy(g => g.Key)
            .Select(g => (Due: schedule.Start + g.Key, Sends: g.Select(s => (s.Groups, Event: BareEvents.Make(s.Kind, schedule.Start + g.Key, s.OrganizationId, s.InjectId, s.Payload, s.Bytes))).ToArray()))
            .ToArray();
        // Bounded: one pass over a finite schedule, each wait ending at an instant of it or at shutdown.
        foreach (var (due, sends) in instants)
        {
            var wait = due - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stopping);
            await Task.WhenAll(sends.Select(s => hub.Clients.Groups(s.Groups).SendAsync("Event", s.Event, stopping)));
        }
    }
}
