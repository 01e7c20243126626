using CiExercise.Contracts.Ports;
using CiExercise.Grains.Scenarios;
using CiExercise.Grains.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Review.Tests;

[CollectionDefinition(nameof(ReviewEngine))]
public sealed class ReviewEngineCollection : ICollectionFixture<ReviewEngine>;

/// <summary>
/// One silo on a real SQLite log whose time and wake-ups the tests drive (a FakeTimeProvider and TestWakeups in
/// place of Quartz), and a ReviewService over the same log and catalog.
/// </summary>
public sealed class ReviewEngine : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public EngineCluster Engine { get; private set; } = null!;

    public IGrainFactory Grains => Engine.Grains;

    public IEventLog Log => Services.GetRequiredService<IEventLog>();

    public IServiceProvider Services => Engine.Cluster.GetSiloServiceProvider(Engine.Cluster.Silos[0].SiloAddress);

    /// <summary>A new service each time, so that no test reads another's cache.</summary>
    public ReviewService Reviews() => new(Services.GetRequiredService<IExerciseCatalog>(), Log,
        Services.GetRequiredService<ExerciseScenarios>(), new ReviewCache());

    public async ValueTask InitializeAsync() =>
        Engine = await EngineCluster.StartAsync(1, services => services
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IWakeupScheduler>(new TestWakeups()));

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
