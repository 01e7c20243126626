namespace CiExercise.Contracts.Ports;

/// <summary>
/// Durable wake-ups for exercise grains: at the given wall time the scheduler calls
/// IExerciseGrain.FireDue on the exercise. One pending wake-up per exercise; scheduling replaces it.
/// </summary>
public interface IWakeupScheduler
{
    Task ScheduleAsync(string exerciseId, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    Task CancelAsync(string exerciseId, CancellationToken cancellationToken = default);
}
