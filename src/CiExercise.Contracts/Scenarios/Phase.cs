namespace CiExercise.Contracts.Scenarios;

/// <summary>A named span of scenario time; Start and End are offsets from the scenario start.</summary>
[GenerateSerializer, Immutable, Alias("ciex.Phase")]
public sealed record Phase(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] TimeSpan Start,
    [property: Id(3)] TimeSpan? End);
