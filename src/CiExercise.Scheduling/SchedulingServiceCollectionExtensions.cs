using CiExercise.Contracts.Ports;
using CiExercise.Scheduling;
using CiExercise.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;
using Quartz;

namespace Microsoft.Extensions.DependencyInjection;

public static class SchedulingServiceCollectionExtensions
{
    private const string SchedulerName = "ciexercise";

    /// <summary>
    /// Quartz with its job store in the event log's database (tables created when missing; clustered on SQL Server
    /// and PostgreSQL), and the recovery that wakes exercises at silo start and when a silo is lost.
    /// </summary>
    public static IServiceCollection AddCiExerciseScheduling(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCiExerciseScheduling(StorageOptions.FromConfiguration(configuration));

    /// <param name="node">
    /// SQLite only: a name for this node when several share one file (tests). Quartz refuses to cluster on
    /// SQLite, so each node keeps its own wake-ups there; on SQL Server and PostgreSQL all nodes form one
    /// Quartz cluster, and a trigger of a node that died is recovered by another.
    /// </param>
    public static IServiceCollection AddCiExerciseScheduling(this IServiceCollection services, StorageOptions storage, string? node = null)
    {
        var clustered = IsClustered(storage.Provider);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = clustered || node is null ? SchedulerName : $"{SchedulerName}-{node}");
            quartz.AddJob<FireDueJob>(job => job.WithIdentity(FireDueJob.Key).StoreDurably());
            quartz.UsePersistentStore(store =>
            {
                switch (storage.Provider)
                {
                    case StorageProvider.Sqlite: store.UseSqlite(storage.ConnectionString); break;
                    case StorageProvider.SqlServer: store.UseSqlServer(storage.ConnectionString); break;
                    case StorageProvider.PostgreSql: store.UsePostgres(storage.ConnectionString); break;
                    default: throw new InvalidOperationException($"The scheduler has no job store for storage provider {storage.Provider}.");
                }

                // Nodes starting together may all provision: Quartz lets the losers find the winner's tables.
                store.ProvisionSchema();
                if (clustered) store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<IWakeupScheduler, QuartzWakeupScheduler>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ExerciseRecovery>();
        return services;
    }

    /// <summary>Every provider but SQLite (which Quartz refuses to cluster on) runs the scheduler clustered.</summary>
    public static bool IsClustered(StorageProvider provider) => provider != StorageProvider.Sqlite;
}
