namespace CiExercise.Contracts.Scenarios;

[GenerateSerializer, Immutable, Alias("ciex.Objective")]
public sealed record Objective(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Text,
    [property: Id(2)] string Capability);
