using CiExercise.Contracts.Exercises;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CiExercise.Scheduling;

/// <summary>
/// Wakes one exercise grain. Thin on purpose: the only data is the exercise id, and the grain decides
/// what is due, so a late, repeated or recovered firing is harmless.
/// </summary>
public sealed class FireDueJob(IGrainFactory grains, ILogger<FireDueJob> logger) : IJob
{
    public const string ExerciseIdKey = "exerciseId";

    /// <summary>How soon a failed wake-up is tried again (the grain's node may be going away).</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public static readonly JobKey Key = new("fire-due", "ciexercise");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var exerciseId = context.MergedJobDataMap.GetString(ExerciseIdKey)
                         ?? throw new JobExecutionException($"Trigger {context.Trigger.Key} carries no {ExerciseIdKey}.");
        try
        {
            await grains.GetGrain<IExerciseGrain>(exerciseId).FireDue().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Waking exercise {ExerciseId} failed; trying again in {RetryAfter}", exerciseId, RetryAfter);
            // Keep an earlier wake-up the grain may have asked for meanwhile.
            await context.Scheduler.ScheduleTrigger(
                QuartzWakeupScheduler.Trigger(exerciseId, DateTimeOffset.UtcNow + RetryAfter), TriggerConflict.KeepEarlier, cancellationToken);
        }
    }
}
