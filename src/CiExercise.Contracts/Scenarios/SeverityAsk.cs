namespace CiExercise.Contracts.Scenarios;

/// <summary>
/// An inject asks for a severity rating on the national 0–4 scale. Expected is the level the scenario's
/// authors set, which the review compares every organization's rating with (null: not set).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.SeverityAsk")]
public sealed record SeverityAsk([property: Id(0)] int? Expected);
