using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Exercises;

/// <summary>An inject a controller writes during play; it is fired at once and gets an "adhoc-N" id.</summary>
[GenerateSerializer, Immutable, Alias("ciex.AdHocInject")]
public sealed record AdHocInject(
    [property: Id(0)] Recipients Recipients,
    [property: Id(1)] LocalizedText From,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] LocalizedText Title,
    [property: Id(4)] LocalizedText Body,
    [property: Id(5)] LocalizedText? ExpectedAction,
    [property: Id(6)] TimeSpan? ResponseWindow,
    [property: Id(7)] IReadOnlyList<string> Objectives,
    [property: Id(8)] IReadOnlyList<Choice> Choices);
