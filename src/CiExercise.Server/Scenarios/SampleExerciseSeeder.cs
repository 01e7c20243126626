using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;

namespace CiExercise.Server.Scenarios;

/// <summary>
/// On a first start (no exercise at all) creates one exercise in draft from the sample scenario, so that
/// someone who just ran the server has an exercise ready to start. "Samples:CreateOnEmpty" turns it off;
/// "Samples:ScenarioId" picks the scenario (default: the first one loaded).
/// </summary>
internal sealed class SampleExerciseSeeder(
    IConfiguration configuration,
    ScenarioLibraryState scenarios,
    IExerciseCatalog catalog,
    IGrainFactory grains,
    ILogger<SampleExerciseSeeder> logger) : IHostedService
{
    public const string SampleExerciseId = "sample";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Samples:CreateOnEmpty", true)) return;
        if ((await catalog.ListAsync(cancellationToken)).Count > 0) return;
        var wanted = configuration["Samples:ScenarioId"];
        var sample = string.IsNullOrWhiteSpace(wanted) ? scenarios.Scenarios.FirstOrDefault() : scenarios.Find(wanted);
        if (sample is null)
        {
            logger.LogWarning("No sample exercise was created: scenario {ScenarioId} is not loaded", wanted ?? "(any)");
            return;
        }
        var name = $"Sample: {sample.Scenario.Title.In("en")}";
        await grains.GetGrain<IExerciseGrain>(SampleExerciseId).Create(name, sample.Scenario, Actor.System);
        logger.LogInformation("Created sample exercise {ExerciseId} from scenario {ScenarioId}", SampleExerciseId, sample.Scenario.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
