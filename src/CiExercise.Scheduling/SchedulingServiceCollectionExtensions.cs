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
    /// Quartz with its job store in the event log's database (tables created when missing), and the
    /// recovery that wakes exercises at silo start and when a silo is lost.
    /// </summary>
    public static IServiceCollection AddCiExerciseScheduling(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCiExerciseScheduling(StorageOptions.FromConfiguration(configuration));

    /// <param name="node">
    /// SQLite only: a name for this node when several share one file (tests). Quartz refuses to cluster on
    /// SQLite, so each node keeps its own wake-ups there; on SQL Server all nodes form one Quartz cluster.
    /// </param>
    public static IServiceCollection AddCiExerciseScheduling(this IServiceCollection services, StorageOptions storage, string? node = null)
    {
        var clustered = storage.Provider == StorageProvider.SqlServer;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = clustered || node is null ? SchedulerName : $"{SchedulerName}-{node}");
            quartz.AddJob<FireDueJob>(job => job.WithIdentity(FireDueJob.Key).StoreDurably());
            quartz.UsePersistentStore(store =>
            {
                if (clustered) store.UseSqlServer(storage.ConnectionString);
                else store.UseSqlite(storage.ConnectionString);
                store.ProvisionSchema();
                if (clustered) store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<IWakeupScheduler, QuartzWakeupScheduler>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ExerciseRecovery>();
        return services;
    }
}
