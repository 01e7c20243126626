namespace CiExercise.Contracts.Events;

/// <summary>
/// An append whose <see cref="AppendCondition"/> no longer held when it was ordered: nothing of it was
/// written, and the other appends committed with it are unaffected.
/// </summary>
public sealed class AppendRefusedException(string exerciseId, EventKind stoppedBy)
    : InvalidOperationException($"Exercise '{exerciseId}' left play ({stoppedBy}) before the append was ordered; nothing was written.")
{
    public string ExerciseId { get; } = exerciseId;

    /// <summary>The event that took the exercise out of play: a halt or the end.</summary>
    public EventKind StoppedBy { get; } = stoppedBy;
}
