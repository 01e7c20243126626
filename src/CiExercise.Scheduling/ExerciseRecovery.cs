using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CiExercise.Scheduling;

/// <summary>
/// Wakes every exercise whose clock runs: when this silo becomes active, and whenever another silo is
/// declared dead. Waking activates the exercise grain on a live silo, which fires what fell due and books
/// its next wake-up there. Quartz's persistent triggers cover a restart on their own; this covers a
/// wake-up lost with a node (SQLite's job store cannot be clustered) or never stored. Drafts, paused,
/// halted and ended exercises fire nothing, so they stay asleep; and the silo does not wait for the
/// wake-ups to be ready, which run a few at a time beside it.
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

    private const int WakeAtOnce = 8;

    private Task Start(CancellationToken cancellationToken)
    {
        _watching = Task.WhenAll(
            Task.Run(() => WakeRunning("silo started", _stopping.Token), CancellationToken.None),
            Task.Run(() => WatchForLostSilos(_stopping.Token), CancellationToken.None));
        return Task.CompletedTask;
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
                if (lost.Length > 0) await WakeRunning($"silo {string.Join(", ", lost.AsEnumerable())} lost", cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private static IEnumerable<SiloAddress> DeadSilos(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Where(m => m.Value.Status == SiloStatus.Dead).Select(m => m.Key);

    private async Task WakeRunning(string reason, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids;
        try
        {
            ids = await catalog.ListRunningAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Running exercises could not be listed ({Reason}); their stored wake-ups remain", reason);
            return;
        }

        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = WakeAtOnce, CancellationToken = cancellationToken },
            async (id, _) =>
            {
                try
                {
                    await grains.GetGrain<IExerciseGrain>(id).FireDue();
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Exercise {ExerciseId} could not be woken; its stored wake-up remains", id);
                }
            });
        if (ids.Count > 0) logger.LogInformation("Woke {Count} running exercises: {Reason}", ids.Count, reason);
    }
}
