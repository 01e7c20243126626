namespace CiExercise.Contracts.Scenarios;

[GenerateSerializer, Immutable, Alias("ciex.Objective")]
public sealed record Objective(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Text,
    [property: Id(2)] string Capability)
{
    /// <summary>The critical tasks that show the objective was met (the exercise evaluation guide); rated P/S/M/U.</summary>
    [Id(3)] public IReadOnlyList<CriticalTask> Tasks { get; init; } = [];

    public CriticalTask? FindTask(string id) => Tasks.FirstOrDefault(t => t.Id == id);
}
