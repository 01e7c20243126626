namespace CiExercise.Contracts.Scenarios;

/// <summary>A task whose performance shows an objective was met; evaluators rate it P/S/M/U with evidence.</summary>
[GenerateSerializer, Immutable, Alias("ciex.CriticalTask")]
public sealed record CriticalTask([property: Id(0)] string Id, [property: Id(1)] LocalizedText Text);
