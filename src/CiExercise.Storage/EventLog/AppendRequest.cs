using CiExercise.Contracts.Events;

namespace CiExercise.Storage.EventLog;

/// <summary>One AppendAsync call waiting in the queue; completed only after its transaction committed or failed.</summary>
internal sealed class AppendRequest(
    string exerciseId, IReadOnlyList<NewEvent> events, AppendCondition? condition, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<IReadOnlyList<AppendResult>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ExerciseId { get; } = exerciseId;

    public IReadOnlyList<NewEvent> Events { get; } = events;

    public AppendCondition? Condition { get; } = condition;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<IReadOnlyList<AppendResult>> Task => _completion.Task;

    public void Succeed(IReadOnlyList<AppendResult> results) => _completion.TrySetResult(results);

    public void Fail(Exception error) => _completion.TrySetException(error);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
