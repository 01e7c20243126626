namespace CiExercise.Contracts.Exercises;

public enum ObservationKind
{
    Strength,
    AreaForImprovement,
}
