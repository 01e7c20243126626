using CiExercise.Contracts.Ports;
using CiExercise.Storage.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Grains.Tests;

[CollectionDefinition(nameof(ControlledEngine))]
public sealed class ControlledEngineCollection : ICollectionFixture<ControlledEngine>;

/// <summary>
/// One silo whose time, wake-ups and event log the tests drive: a FakeTimeProvider for the engine's clock and
/// grain timers, <see cref="TestWakeups"/> in place of Quartz, and gates on the log. Nothing here waits on wall time.
/// </summary>
public sealed class ControlledEngine : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    internal TestWakeups Wakeups { get; } = new();

    internal GatedEventLog Log { get; private set; } = null!;

    public EngineCluster Engine { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Engine = await EngineCluster.StartAsync(1, services => services
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IWakeupScheduler>(Wakeups)
            .AddSingleton(sp => new GatedEventLog(sp.GetRequiredService<SqlEventLog>()))
            .AddSingleton<IEventLog>(sp => sp.GetRequiredService<GatedEventLog>()));
        Log = Engine.Cluster.GetSiloServiceProvider(Engine.Cluster.Silos[0].SiloAddress).GetRequiredService<GatedEventLog>();
    }

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
