using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Exercises;

// Issue 9 in progress: the engine helper replaces this file (conditions, services, cascades).
public sealed partial class ExerciseGrain
{
    public Task Recorded(long seq) => Task.CompletedTask;

    public Task<ActionReceipt> ReleaseInject(Actor actor, string injectId, string? reason, string? clientActionId) => throw new NotSupportedException();

    public Task<ActionReceipt> CancelInject(Actor actor, string injectId, string? reason, string? clientActionId) => throw new NotSupportedException();

    public Task<ActionReceipt> SetService(Actor actor, string serviceId, ServiceStatus status, string? note, string? clientActionId) =>
        throw new NotSupportedException();

    public Task<ServiceBoard> GetServices() => throw new NotSupportedException();
}
