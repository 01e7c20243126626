using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CiExercise.Scheduling;

/// <summary>
/// Wakes every exercise that has not ended: when this silo becomes active, and whenever another silo
/// is declared dead. Waking activates the exercise grain on a live silo, which fires what fell due and
/// books its next wake-up there. Quartz's persistent triggers cover a restart on their own; this covers
/// a wake-up lost with a node (SQLite's job store cannot be clustered) or never stored.
/// </summary>
public sealed class ExerciseRecovery(
    IExerciseCatalog catalog,
    IGrainFactory grains,
    IClusterMembershipService membership,
    ILogger<ExerciseRecovery> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ExerciseRecovery), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        _watching = Task.Run(() => WatchForLostSilos(_stopping.Token), CancellationToken.None);
        return WakeUnfinished("silo started", cancellationToken);
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WatchForLostSilos(CancellationToken cancellationToken)
    {
        var dead = DeadSilos(membership.CurrentSnapshot).ToHashSet();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken))
            {
                var lost = DeadSilos(snapshot).Where(dead.Add).ToArray();
                if (lost.Length > 0) await WakeUnfinished($"silo {string.Join(", ", lost.AsEnumerable())} lost", cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private static IEnumerable<SiloAddress> DeadSilos(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Where(m => m.Value.Status == SiloStatus.Dead).Select(m => m.Key);

    private async Task WakeUnfinished(string reason, CancellationToken cancellationToken)
    {
        var ids = await catalog.ListUnfinishedAsync(cancellationToken);
        foreach (var id in ids)
        {
            try
            {
                await grains.GetGrain<IExerciseGrain>(id).FireDue();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Exercise {ExerciseId} could not be woken; its stored wake-up remains", id);
            }
        }
        if (ids.Count > 0) logger.LogInformation("Woke {Count} unfinished exercises: {Reason}", ids.Count, reason);
    }
}
