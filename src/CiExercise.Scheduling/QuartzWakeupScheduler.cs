using CiExercise.Contracts.Ports;
using Quartz;

namespace CiExercise.Scheduling;

/// <summary>
/// One persistent trigger per exercise, keyed by the exercise id, so scheduling again replaces the
/// pending wake-up, even while the previous one is running.
/// </summary>
public sealed class QuartzWakeupScheduler(ISchedulerFactory schedulers) : IWakeupScheduler
{
    private const string TriggerGroup = "ciexercise-wakeups";

    public async Task ScheduleAsync(string exerciseId, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleTrigger(Trigger(exerciseId, dueAt), TriggerConflict.Replace, cancellationToken);
    }

    public async Task CancelAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(KeyOf(exerciseId), cancellationToken);
    }

    internal static ITrigger Trigger(string exerciseId, DateTimeOffset dueAt) =>
        TriggerBuilder.Create()
            .WithIdentity(KeyOf(exerciseId))
            .ForJob(FireDueJob.Key)
            .UsingJobData(FireDueJob.ExerciseIdKey, exerciseId)
            .StartAt(dueAt)
            // After downtime the injects are overdue: fire at once, the grain records the lateness.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    private static TriggerKey KeyOf(string exerciseId) => new(exerciseId, TriggerGroup);
}
