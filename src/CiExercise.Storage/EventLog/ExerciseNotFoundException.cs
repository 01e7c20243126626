namespace CiExercise.Storage.EventLog;

/// <summary>An append named an exercise that the catalog does not hold; nothing of that append was written.</summary>
public sealed class ExerciseNotFoundException(string exerciseId)
    : InvalidOperationException($"No exercise with id '{exerciseId}' exists; create it through the catalog before appending events.")
{
    public string ExerciseId { get; } = exerciseId;
}
