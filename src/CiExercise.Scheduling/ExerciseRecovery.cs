using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CiExercise.Scheduling;

/// <summary>
/// When a silo becomes active, wakes every exercise that has not ended. Quartz's persistent triggers
/// already cover this; the sweep is there so that an exercise whose wake-up was never stored (a node
/// lost between recording a change and scheduling) cannot stall.
/// </summary>
public sealed class ExerciseRecovery(IExerciseCatalog catalog, IGrainFactory grains, ILogger<ExerciseRecovery> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ExerciseRecovery), ServiceLifecycleStage.Active, WakeUnfinished);

    private async Task WakeUnfinished(CancellationToken cancellationToken)
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
                logger.LogWarning(ex, "Exercise {ExerciseId} could not be woken at start; its scheduled wake-up remains", id);
            }
        }
        if (ids.Count > 0) logger.LogInformation("Woke {Count} unfinished exercises", ids.Count);
    }
}
