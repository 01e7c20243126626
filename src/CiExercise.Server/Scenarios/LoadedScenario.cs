using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Scenarios;

/// <summary>A valid scenario of the library and the file (relative to the scenario folder) it came from.</summary>
public sealed record LoadedScenario(Scenario Scenario, string File);
