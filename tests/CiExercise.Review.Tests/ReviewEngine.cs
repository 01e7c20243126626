using CiExercise.Contracts.Ports;
using CiExercise.Grains.Scenarios;
using CiExercise.Grains.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Review.Tests;

/// <summary>The grain tests' controlled engine (one silo, a real SQLite log, fake time) as the review tests use it.</summary>
internal static class ReviewEngine
{
    public static IServiceProvider Services(this ControlledEngine engine) =>
        engine.Engine.Cluster.GetSiloServiceProvider(engine.Engine.Cluster.Silos[0].SiloAddress);

    /// <summary>A new service over the engine's log and catalog each time, so that no test reads another's cache.</summary>
    public static ReviewService Reviews(this ControlledEngine engine) => new(engine.Services().GetRequiredService<IExerciseCatalog>(),
        engine.Log, engine.Services().GetRequiredService<ExerciseScenarios>(), new ReviewCache());
}
