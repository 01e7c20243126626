namespace CiExercise.Contracts.Events;

/// <summary>
/// One row of the event log: the record the after-action review is computed from. Seq is per exercise,
/// starts at 1 and has no gaps. RefSeq points at the event this one answers or forwards.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ExerciseEvent")]
public sealed record ExerciseEvent(
    [property: Id(0)] string ExerciseId,
    [property: Id(1)] long Seq,
    [property: Id(2)] EventKind Kind,
    [property: Id(3)] DateTimeOffset WallTime,
    [property: Id(4)] TimeSpan ScenarioTime,
    [property: Id(5)] string? OrganizationId,
    [property: Id(6)] Actor Actor,
    [property: Id(7)] string? InjectId,
    [property: Id(8)] long? RefSeq,
    [property: Id(9)] string Payload);
