namespace CiExercise.Contracts.Exercises;

[GenerateSerializer, Immutable, Alias("ciex.ExerciseView")]
public sealed record ExerciseView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ScenarioId,
    [property: Id(3)] ExerciseStatus Status,
    [property: Id(4)] ClockView Clock,
    [property: Id(5)] string? CurrentPhaseId,
    [property: Id(6)] TimeSpan? NextInjectAt,
    [property: Id(7)] string? HaltReason,
    [property: Id(8)] long LastSeq,
    [property: Id(9)] IReadOnlyList<InjectState> Injects);
