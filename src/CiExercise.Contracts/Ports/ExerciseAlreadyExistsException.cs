namespace CiExercise.Contracts.Ports;

public sealed class ExerciseAlreadyExistsException(string exerciseId)
    : Exception($"An exercise with id '{exerciseId}' already exists.")
{
    public string ExerciseId { get; } = exerciseId;
}
