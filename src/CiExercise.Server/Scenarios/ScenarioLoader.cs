using CiExercise.Scenarios;

namespace CiExercise.Server.Scenarios;

/// <summary>
/// Loads the scenario folder at start. An invalid file does not stop the server: its findings are logged
/// (each in the path:line:column form an editor understands) and the valid scenarios are served.
/// </summary>
internal sealed class ScenarioLoader(ScenarioFolder folder, ScenarioLibraryState state, ILogger<ScenarioLoader> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var library = ScenarioLibrary.Load(folder.Path);
        foreach (var diagnostic in library.Diagnostics)
        {
            if (diagnostic.IsError) logger.LogError("Scenario file finding: {Diagnostic}", diagnostic.ToString());
            else logger.LogWarning("Scenario file finding: {Diagnostic}", diagnostic.ToString());
        }
        state.Load(folder, library);
        logger.LogInformation("Loaded {ScenarioCount} scenarios from {ScenarioFolder}: {ScenarioIds}",
            state.Scenarios.Count, folder.Path, state.Scenarios.Select(s => s.Scenario.Id).ToArray());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
