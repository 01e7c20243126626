using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Scenarios;

public sealed record ScenarioSummary(
    string Id,
    LocalizedText Title,
    int Organizations,
    int Injects,
    TimeSpan? PlannedDuration,
    string File)
{
    public static ScenarioSummary From(LoadedScenario loaded) => new(
        loaded.Scenario.Id, loaded.Scenario.Title, loaded.Scenario.Organizations.Count,
        loaded.Scenario.Injects.Count, loaded.Scenario.PlannedDuration, loaded.File);
}
