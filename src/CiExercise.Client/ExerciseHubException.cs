namespace CiExercise.Client;

/// <summary>The server refused a hub call; Code is stable (for example "exercise.not-running" or "access.denied").</summary>
public sealed class ExerciseHubException(string code, string message, Exception inner) : Exception(message, inner)
{
    public string Code { get; } = code;
}
