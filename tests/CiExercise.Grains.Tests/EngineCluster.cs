using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CiExercise.Grains.Tests;

/// <summary>
/// A real in-process Orleans cluster with the product's storage and Quartz scheduler, every silo on one
/// SQLite file, as several nodes share one SQL Server in production.
/// </summary>
public sealed class EngineCluster : IAsyncDisposable
{
    private readonly string _directory;

    private EngineCluster(InProcessTestCluster cluster, string directory)
    {
        Cluster = cluster;
        _directory = directory;
    }

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <param name="configure">Runs on each silo's services after the product's: a test replaces parts there.</param>
    public static async Task<EngineCluster> StartAsync(short silos, Action<IServiceCollection>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ciex-grains-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var storage = new StorageOptions
        {
            DataDirectory = directory,
            ConnectionString = $"Data Source={Path.Combine(directory, "engine.db")}",
        };
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.Services
                .AddCiExerciseStorage(storage)
                .AddCiExerciseScheduling(storage, options.SiloName)
                .AddCiExerciseGrains();
            configure?.Invoke(silo.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new EngineCluster(cluster, directory);
    }

    /// <summary>The event log as seen from a silo that is still alive.</summary>
    public IEventLog Log => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress).GetRequiredService<IEventLog>();

    public async Task<IReadOnlyList<ExerciseEvent>> ReadAllAsync(string exerciseId)
    {
        var all = new List<ExerciseEvent>();
        while (true)
        {
            var page = await Log.ReadAsync(exerciseId, all.Count == 0 ? 0 : all[^1].Seq, 500);
            if (page.Count == 0) return all;
            all.AddRange(page);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; a temp folder left behind is harmless.
        }
    }
}
