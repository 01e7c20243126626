using CiExercise.Grains;
using CiExercise.Server.Exercises;
using CiExercise.Server.Health;
using CiExercise.Server.Scenarios;

namespace CiExercise.Server.Extensions;

public static class ServiceExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>The engine (storage, scheduler, grains), the scenario library and what the API needs beside them.</summary>
    public static void AddCiExerciseServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCiExerciseStorage(builder.Configuration);
        services.AddCiExerciseScheduling(builder.Configuration);
        services.AddCiExerciseGrains(builder.Configuration);

        services.AddSingleton(ScenarioFolder.Resolve(builder.Configuration, builder.Environment));
        services.AddSingleton<ScenarioLibraryState>();
        services.AddSingleton<ExerciseScenarios>();
        // Registered after the silo so that the silo is running when the sample exercise is created.
        services.AddHostedService<ScenarioLoader>();
        services.AddHostedService<SampleExerciseSeeder>();

        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag]);
    }
}
