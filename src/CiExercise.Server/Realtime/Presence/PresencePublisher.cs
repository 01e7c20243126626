using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime.Presence;

/// <summary>
/// Pushes presence to each exercise's staff consoles at most once per interval, and only for exercises whose
/// counts changed: 6,800 consoles connecting at once cost one snapshot per exercise per second, not a send each.
/// </summary>
public sealed partial class PresencePublisher(
    IPresenceSource presence, PresenceReader reader, IHubContext<ExerciseHub, IExerciseHubClient> hub, TimeProvider time,
    ILogger<PresencePublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long version = 0;
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (changed, next) = presence.ChangedSince(version);
                version = next;
                foreach (var exerciseId in changed) await PublishAsync(exerciseId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PublishAsync(string exerciseId, CancellationToken cancellationToken)
    {
        try
        {
            if (await reader.ReadAsync(exerciseId, cancellationToken) is not { } view) return;
            await hub.Clients.Group(EventAudience.StaffGroup(exerciseId)).Presence(view);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The next change sends a fresh snapshot, and a console can always ask GetPresence.
            LogPublishFailed(logger, error, exerciseId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence of exercise {ExerciseId} was not pushed to its staff")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string exerciseId);
}
