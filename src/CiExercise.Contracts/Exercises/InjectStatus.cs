namespace CiExercise.Contracts.Exercises;

public enum InjectStatus
{
    Pending,
    Fired,
}
