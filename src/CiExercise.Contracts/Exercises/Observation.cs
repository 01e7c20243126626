namespace CiExercise.Contracts.Exercises;

/// <summary>An evaluator's note, linked to the objectives, injects and organizations it is about.</summary>
[GenerateSerializer, Immutable, Alias("ciex.Observation")]
public sealed record Observation(
    [property: Id(0)] ObservationKind Kind,
    [property: Id(1)] HseepRating? Rating,
    [property: Id(2)] string Text,
    [property: Id(3)] IReadOnlyList<string> ObjectiveIds,
    [property: Id(4)] IReadOnlyList<string> InjectIds,
    [property: Id(5)] IReadOnlyList<string> OrganizationIds);
