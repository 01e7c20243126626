using CiExercise.Grains;
using CiExercise.Review;
using CiExercise.Server.Exercises;
using CiExercise.Server.Health;
using CiExercise.Server.Hosting;
using CiExercise.Server.Reports;
using CiExercise.Server.Scenarios;

namespace CiExercise.Server.Extensions;

public static class ServiceExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>The engine (storage, scheduler, grains), the scenario library and what the API needs beside them.</summary>
    public static void AddCiExerciseServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var paths = ServerPaths.Find(builder.Environment);
        builder.Configuration["Storage:DataDirectory"] = paths.Resolve(builder.Configuration["Storage:DataDirectory"], "data");
        services.AddCiExerciseStorage(builder.Configuration);
        services.AddCiExerciseScheduling(builder.Configuration);
        services.AddCiExerciseGrains(builder.Configuration);
        services.AddCiExerciseReview();

        services.AddSingleton(new ScenarioFolder(paths.Resolve(builder.Configuration["Scenarios:Directory"], "scenarios")));
        services.AddSingleton<ScenarioLibraryState>();
        services.AddSingleton<CommunicationChecks.CheckReports>();
        services.AddSingleton<Feed.FeedReader>();
        services.AddSingleton<Simulated.SimulatedInbox>();
        services.AddSingleton<CiExercise.Server.Roster.RosterImports>();
        // Before the reports, whose fallback IReportActions (the store alone, nothing carried) is only added when none is.
        services.AddSingleton<CiExercise.Server.Improvement.ImprovementPlan>();
        services.AddSingleton<CiExercise.Review.Report.IReportActions>(sp => sp.GetRequiredService<CiExercise.Server.Improvement.ImprovementPlan>());
        services.AddCiExerciseReports(builder.Configuration);
        // Registered after the silo so that the silo is running when the sample exercise is created.
        services.AddHostedService<ScenarioLoader>();
        services.AddHostedService<SampleExerciseSeeder>();

        // A grain call failing on a database that is away leaves the silo as storage.unavailable (a retryable 503).
        services.AddSingleton<IIncomingGrainCallFilter, Problems.StorageFailureCallFilter>();

        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag]);
    }
}
