using CiExercise.Contracts.Ports;
using CiExercise.Scheduling;
using CiExercise.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;
using Quartz;

namespace Microsoft.Extensions.DependencyInjection;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its job store in the event log's database (tables created when missing), clustered
    /// so that several silos on one database share the wake-ups, and the recovery sweep at silo start.
    /// </summary>
    public static IServiceCollection AddCiExerciseScheduling(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCiExerciseScheduling(StorageOptions.FromConfiguration(configuration));

    public static IServiceCollection AddCiExerciseScheduling(this IServiceCollection services, StorageOptions storage)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = "ciexercise");
            quartz.AddJob<FireDueJob>(job => job.WithIdentity(FireDueJob.Key).StoreDurably());
            quartz.UsePersistentStore(store =>
            {
                if (storage.Provider == StorageProvider.SqlServer) store.UseSqlServer(storage.ConnectionString);
                else store.UseSqlite(storage.ConnectionString);
                store.ProvisionSchema();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<IWakeupScheduler, QuartzWakeupScheduler>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ExerciseRecovery>();
        return services;
    }
}
