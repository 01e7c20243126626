namespace CiExercise.Contracts.Scenarios;

/// <summary>One scripted event of the MSEL. At is the offset from the scenario start.</summary>
[GenerateSerializer, Immutable, Alias("ciex.Inject")]
public sealed record Inject(
    [property: Id(0)] string Id,
    [property: Id(1)] TimeSpan At,
    [property: Id(2)] Recipients Recipients,
    [property: Id(3)] LocalizedText From,
    [property: Id(4)] Channel Channel,
    [property: Id(5)] LocalizedText Title,
    [property: Id(6)] LocalizedText Body,
    [property: Id(7)] LocalizedText? ExpectedAction,
    [property: Id(8)] TimeSpan? ResponseWindow,
    [property: Id(9)] IReadOnlyList<string> Objectives,
    [property: Id(10)] IReadOnlyList<Choice> Choices);
