using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;

namespace CiExercise.Grains.Organizations;

// Issue 9 in progress: the voices helper replaces this file (report forms).
public sealed partial class OrganizationGrain
{
    public Task<ActionReceipt> SubmitReport(Actor actor, string injectId, IReadOnlyList<FieldAnswer> answers, string? clientActionId) =>
        throw new NotSupportedException();
}
