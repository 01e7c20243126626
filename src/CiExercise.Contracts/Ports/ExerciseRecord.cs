namespace CiExercise.Contracts.Ports;

/// <summary>
/// What the catalog keeps of an exercise: its name and the scenario snapshot it was created from
/// (as JSON, so that later edits of the scenario file do not change a running exercise).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ExerciseRecord")]
public sealed record ExerciseRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ScenarioId,
    [property: Id(3)] string ScenarioJson,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    /// <summary>Imported from another server's export: a record to review, never played again (no commands, no actions).</summary>
    [Id(5)] public bool ReadOnly { get; init; }
}
