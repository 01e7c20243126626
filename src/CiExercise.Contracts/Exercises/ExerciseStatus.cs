namespace CiExercise.Contracts.Exercises;

public enum ExerciseStatus
{
    /// <summary>Created from a scenario, clock not started.</summary>
    Draft,
    Running,
    Paused,
    /// <summary>A real-world halt: all play stopped until a controller lifts it.</summary>
    Halted,
    Ended,
}
